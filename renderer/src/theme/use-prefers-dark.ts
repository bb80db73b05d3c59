import { useSyncExternalStore } from 'react';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Follows the system's light/dark setting live, as a desktop app should. */
export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(DARK_QUERY).matches);
}

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const STORAGE_KEY = 'dataset-manager.theme';
const choiceListeners = new Set<() => void>();
let unstoredChoice: ThemeChoice = 'system';

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return (THEME_CHOICES as readonly string[]).includes(stored ?? '')
      ? (stored as ThemeChoice)
      : 'system';
  } catch {
    // Storage can be unavailable (a locked-down profile): the choice then lasts this session.
    return unstoredChoice;
  }
}

function subscribeChoice(onChange: () => void): () => void {
  choiceListeners.add(onChange);
  // Another window of the app changing it changes this one too.
  window.addEventListener('storage', onChange);
  return () => {
    choiceListeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    unstoredChoice = choice;
  }
  choiceListeners.forEach((l) => l());
}

/** The user's choice in the header (System, Light, Dark), kept across restarts. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribeChoice, readChoice);
}

/** Dark or not: the user's choice, or the system's setting while the choice is System. */
export function useDarkTheme(): boolean {
  const choice = useThemeChoice();
  const systemDark = usePrefersDark();
  return choice === 'system' ? systemDark : choice === 'dark';
}
