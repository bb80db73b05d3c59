import type { ThemeChoice } from '../../theme/use-prefers-dark';

export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/**
 * What the user did to the theme button in the moment before the menu's code arrived (see
 * ThemeMenu): the menu, once here, carries it on.
 */
export const earlyThemeButtonUse = { pressed: false, focused: false };
