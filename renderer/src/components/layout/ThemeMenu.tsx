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
import { THEME_CHOICES, setThemeChoice, useThemeChoice } from '../../theme/use-prefers-dark';
import type { ThemeChoice } from '../../theme/use-prefers-dark';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The header's theme switch: System follows the operating system; the choice is remembered. */
export function ThemeMenu({ className }: { className?: string }) {
  const choice = useThemeChoice();
  return (
    <Menu
      checkedValues={{ theme: [choice] }}
      onCheckedValueChange={(_event, data) => {
        const picked = data.checkedItems[0] as ThemeChoice | undefined;
        if (picked) setThemeChoice(picked);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Tooltip content={`Theme: ${LABELS[choice]}`} relationship="description">
          <Button
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
              {LABELS[value]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
