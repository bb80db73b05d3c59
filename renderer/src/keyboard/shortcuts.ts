/**
 * Every keyboard shortcut of the app, in one table: the handlers match keys through it and the
 * `Keyboard shortcuts` dialog lists it, so the list cannot drift from the real keys.
 *
 * Chosen around the browser's and Electron's own keys: Ctrl+R and F5 reload the page in a
 * browser (and Ctrl+F finds in it), so Reload and Refresh list use Alt, which neither browsers
 * nor the app's menu (File, Edit, View, Window mnemonics) take for R or N. Letters are matched
 * by `code`, not `key`: on a Mac, Option+R types "®".
 */
export type ShortcutId =
  'save' | 'reload' | 'refreshList' | 'filter' | 'newDataset' | 'shortcuts' | 'closeDialog';

interface KeyCombo {
  /** KeyboardEvent.code for letters (layout-independent), KeyboardEvent.key otherwise. */
  code?: string;
  key?: string;
  /** Ctrl, or Cmd on a Mac. */
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** A plain character would be taken from whoever is typing it. */
  notWhileTyping?: boolean;
}

export interface Shortcut {
  id: ShortcutId;
  /** What it does, as the dialog lists it. */
  action: string;
  combos: readonly KeyCombo[];
  /** Handled by Fluent's dialogs themselves: listed, never matched here. */
  builtIn?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'save', action: 'Save the open dataset', combos: [{ code: 'KeyS', mod: true }] },
  {
    id: 'reload',
    action: 'Reload the open dataset from the service',
    combos: [{ code: 'KeyR', alt: true }],
  },
  {
    id: 'refreshList',
    action: 'Refresh the datasets list',
    combos: [{ code: 'KeyR', alt: true, shift: true }],
  },
  {
    id: 'filter',
    action: 'Filter datasets',
    combos: [{ key: '/', notWhileTyping: true }],
  },
  { id: 'newDataset', action: 'New dataset', combos: [{ code: 'KeyN', alt: true }] },
  {
    id: 'shortcuts',
    action: 'Show keyboard shortcuts',
    combos: [{ key: 'F1' }, { key: '?', notWhileTyping: true }],
  },
  { id: 'closeDialog', action: 'Close the dialog', combos: [{ key: 'Escape' }], builtIn: true },
];

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

const LETTER = /^Key([A-Z])$/;

/** How a key combination is written for people, e.g. "Ctrl+S", "Alt+Shift+R", "?". */
export function describeCombo(combo: KeyCombo, mac = isMac()): string {
  const key = combo.code ? (LETTER.exec(combo.code)?.[1] ?? combo.code) : (combo.key ?? '');
  const parts = [
    combo.mod ? (mac ? '⌘' : 'Ctrl') : null,
    combo.alt ? (mac ? '⌥' : 'Alt') : null,
    combo.shift ? (mac ? '⇧' : 'Shift') : null,
    key === 'Escape' ? 'Esc' : key,
  ].filter((p): p is string => p !== null);
  return parts.join(mac ? '' : '+');
}

function matchesCombo(event: KeyboardEvent, combo: KeyCombo): boolean {
  if (combo.notWhileTyping && isTyping(event.target)) return false;
  const mod = event.ctrlKey || event.metaKey;
  if (Boolean(combo.mod) !== mod || Boolean(combo.alt) !== event.altKey) return false;
  if (combo.code) {
    return event.code === combo.code && Boolean(combo.shift) === event.shiftKey;
  }
  // A typed character ("?", "/") already says whether Shift was needed on this layout.
  if (combo.key && combo.key.length === 1) return event.key === combo.key;
  return event.key === combo.key && Boolean(combo.shift) === event.shiftKey;
}

/** Whether the keyboard is typing into something: a text field, a select, an editable region. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
    target.type,
  );
}

export function shortcut(id: ShortcutId): Shortcut {
  const found = SHORTCUTS.find((s) => s.id === id);
  if (!found) throw new Error(`No shortcut ${id}`);
  return found;
}

/** Whether `event` is the shortcut `id`, where it applies (not while typing, for plain keys). */
export function matchesShortcut(event: KeyboardEvent, id: ShortcutId): boolean {
  const { combos, builtIn } = shortcut(id);
  if (builtIn) return false;
  return combos.some((combo) => matchesCombo(event, combo));
}
