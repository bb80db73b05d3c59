import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

export interface StoreRecoveryNotice {
  message: string;
  /** Where the unreadable settings file was moved, with its content untouched. */
  movedTo: string;
}

export interface SafelyOpenedStore<S> {
  store: S;
  notice?: StoreRecoveryNotice;
}

/**
 * Opens a settings store; when its file is not valid JSON (a crash mid-write, a bad hand
 * edit), moves the file aside and starts fresh, so a broken file never stops the app and the
 * user can still recover what it held. Any other failure (permissions, a full disk) is
 * rethrown: moving a file aside would not fix it.
 */
export function openStoreSafely<S>(
  open: () => S,
  filePath: string,
  now: () => Date = () => new Date(),
  /** What the user has lost, in words: the file's own contents differ. */
  consequence = 'saved connections and keys must be added again',
): SafelyOpenedStore<S> {
  try {
    return { store: open() };
  } catch (error) {
    if (!holdsBrokenJson(filePath)) throw error;
    const movedTo = moveAside(filePath, now());
    const store = open();
    return {
      store,
      notice: {
        message:
          `The file ${filePath} was damaged and could not be read, so the app started ` +
          `without it: ${consequence}. The damaged file was kept as ${movedTo}.`,
        movedTo,
      },
    };
  }
}

function holdsBrokenJson(filePath: string): boolean {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return false;
  }
  try {
    // Editors may save a byte order mark, which conf skips too.
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return false;
  } catch {
    return true;
  }
}

export function moveAside(filePath: string, when: Date): string {
  const extension = extname(filePath);
  const stem = basename(filePath, extension);
  // Colons are not allowed in Windows file names.
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(filePath), `${stem}.corrupt-${stamp}${extension}`);
  for (let n = 2; existsSync(target); n++) {
    target = join(dirname(filePath), `${stem}.corrupt-${stamp}-${n}${extension}`);
  }
  renameSync(filePath, target);
  return target;
}
