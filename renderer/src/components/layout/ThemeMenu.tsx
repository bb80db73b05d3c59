import { Button, Tooltip } from '@fluentui/react-components';
import { DarkThemeRegular } from '@fluentui/react-icons';
import { useLayoutEffect, useRef } from 'react';
import { useThemeChoice } from '../../theme/use-prefers-dark';
import { onDemand } from '../common/on-demand';
import { THEME_LABELS, earlyThemeButtonUse } from './theme-menu-parts';

/**
 * The theme button as it is painted at start, before the menu's code arrives: Fluent's Menu
 * brings its focus manager (tabster), about 30 KB gzip, a sixth of the page's start code. It
 * looks and reads the same; a press or focus on it in that moment goes on to the menu.
 */
function ThemeButtonStandIn({ className }: { className?: string }) {
  const choice = useThemeChoice();
  const button = useRef<HTMLButtonElement>(null);
  // A layout effect's cleanup runs before the button leaves the page, while focus can be seen.
  useLayoutEffect(() => {
    const standIn = button.current;
    return () => {
      earlyThemeButtonUse.focused = standIn !== null && standIn === document.activeElement;
    };
  }, []);
  return (
    <Tooltip content={`Theme: ${THEME_LABELS[choice]}`} relationship="description">
      <Button
        ref={button}
        appearance="transparent"
        className={className}
        icon={<DarkThemeRegular />}
        aria-label="Theme"
        aria-haspopup="menu"
        onClick={() => {
          earlyThemeButtonUse.pressed = true;
        }}
      />
    </Tooltip>
  );
}

/** The header's theme switch: System follows the operating system; the choice is remembered. */
export const ThemeMenu = onDemand(
  'ThemeMenu',
  () => import('./ThemeMenuView').then((m) => m.ThemeMenuView),
  ThemeButtonStandIn,
);
