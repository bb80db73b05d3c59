import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tooltip,
} from '@fluentui/react-components';
import { DarkThemeRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { THEME_CHOICES, setThemeChoice, useThemeChoice } from '../../theme/use-prefers-dark';
import type { ThemeChoice } from '../../theme/use-prefers-dark';
import { THEME_LABELS, earlyThemeButtonUse } from './theme-menu-parts';

/** The header's theme switch: System follows the operating system; the choice is remembered. */
export function ThemeMenuView({ className }: { className?: string }) {
  const choice = useThemeChoice();
  const [pressedEarly] = useState(() => earlyThemeButtonUse.pressed);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Read now, not while rendering: the stand-in tells whether it had focus as it leaves, in
    // the commit of this very render. Pressed, the menu opens and takes focus itself.
    if (earlyThemeButtonUse.focused && !pressedEarly) button.current?.focus();
  }, [pressedEarly]);
  return (
    <Menu
      defaultOpen={pressedEarly}
      checkedValues={{ theme: [choice] }}
      onCheckedValueChange={(_event, data) => {
        const picked = data.checkedItems[0] as ThemeChoice | undefined;
        if (picked) setThemeChoice(picked);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Tooltip content={`Theme: ${THEME_LABELS[choice]}`} relationship="description">
          <Button
            ref={button}
            appearance="transparent"
            className={className}
            icon={<DarkThemeRegular />}
            aria-label="Theme"
          />
        </Tooltip>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {THEME_CHOICES.map((value) => (
            <MenuItemRadio key={value} name="theme" value={value}>
              {THEME_LABELS[value]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
