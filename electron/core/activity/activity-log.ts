import { existsSync, readFileSync } from 'node:fs';
import { appendFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ACTIVITY_LIMIT, matchesStatus } from '../../../shared/activity/activity-types';
import type {
  ActivityEntry,
  ActivityFilters,
  ActivityList,
  ActivitySummary,
} from '../../../shared/activity/activity-types';
import { moveAside } from '../settings/open-store-safely';
import type { ActivitySink } from './logged-fetch';

export const ACTIVITY_FILE = 'activity.jsonl';

/** The file is rewritten with the newest entries once it holds twice as many, or this much. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface ActivityLog extends ActivitySink {
  list(filters?: ActivityFilters, limit?: number): ActivityList;
  get(id: string): ActivityEntry | undefined;
  /** Resolves once every entry so far is in the file. */
  flush(): Promise<void>;
}

export interface ActivityLogOptions {
  /** Where the file is kept; in memory only without. */
  dataDir?: string;
  onNotice?: (message: string) => void;
  now?: () => Date;
}

function isEntry(value: unknown): value is ActivityEntry {
  const v = value as Partial<ActivityEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.time === 'string' &&
    typeof v.method === 'string' &&
    typeof v.path === 'string' &&
    typeof v.recipe === 'object' &&
    v.recipe !== null
  );
}

/**
 * The entries of the file; a line cut short at the very end (the app stopped mid-write) is
 * skipped, any other unreadable line makes the whole file suspect.
 */
function readEntries(text: string): ActivityEntry[] | 'damaged' {
  const lines = text.split('\n');
  // The last piece follows the last line break: empty, or a line cut short.
  const complete = lines.slice(0, -1);
  const entries: ActivityEntry[] = [];
  for (const line of complete) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (!isEntry(value)) return 'damaged';
      entries.push(value);
    } catch {
      return 'damaged';
    }
  }
  return entries.slice(-ACTIVITY_LIMIT);
}

function summaryOf({ recipe: _recipe, ...summary }: ActivityEntry): ActivitySummary {
  return summary;
}

/**
 * The last requests main made, newest last in memory, and in a JSON-lines file of the data
 * folder so they outlive a restart. The file only ever grows by appends between rewrites
 * that keep the newest ACTIVITY_LIMIT entries.
 */
export function createActivityLog(options: ActivityLogOptions = {}): ActivityLog {
  const now = options.now ?? (() => new Date());
  const filePath = options.dataDir ? join(options.dataDir, ACTIVITY_FILE) : undefined;
  let entries: ActivityEntry[] = [];

  if (filePath && existsSync(filePath)) {
    const read = readEntries(readFileSync(filePath, 'utf8'));
    if (read === 'damaged') {
      const movedTo = moveAside(filePath, now());
      options.onNotice?.(
        `The file ${filePath} was damaged and could not be read, so the Activity view starts ` +
          `empty. The damaged file was kept as ${movedTo}.`,
      );
    } else {
      entries = read;
    }
  }

  // What the file holds once the writes queued so far are done.
  let linesInFile = entries.length;
  let bytesInFile = 0;
  // A file read at start may end with a cut line, or hold more than the limit: rewritten.
  let rewriteFirst = entries.length > 0;
  let writing: Promise<void> = Promise.resolve();

  const write = (task: () => Promise<void>) => {
    // One write at a time, in order; a failed write (a full disk) costs only the file's copy.
    writing = writing.then(task).catch(() => undefined);
  };

  const rewriteWith = async (text: string) => {
    if (!filePath) return;
    const temporary = `${filePath}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, filePath);
  };

  return {
    add(entry) {
      entries.push(entry);
      if (entries.length > ACTIVITY_LIMIT) entries = entries.slice(-ACTIVITY_LIMIT);
      if (!filePath) return;
      const line = `${JSON.stringify(entry)}\n`;
      const lineBytes = Buffer.byteLength(line);
      if (
        rewriteFirst ||
        linesInFile + 1 > 2 * ACTIVITY_LIMIT ||
        bytesInFile + lineBytes > MAX_FILE_BYTES
      ) {
        rewriteFirst = false;
        let kept = entries;
        let text = kept.map((e) => `${JSON.stringify(e)}\n`).join('');
        // Unusually large entries: fewer of them in the file, the newest kept.
        while (Buffer.byteLength(text) > MAX_FILE_BYTES / 2 && kept.length > 1) {
          kept = kept.slice(Math.ceil(kept.length / 4));
          text = kept.map((e) => `${JSON.stringify(e)}\n`).join('');
        }
        linesInFile = kept.length;
        bytesInFile = Buffer.byteLength(text);
        write(() => rewriteWith(text));
        return;
      }
      linesInFile += 1;
      bytesInFile += lineBytes;
      write(() => appendFile(filePath, line, { mode: 0o600 }));
    },

    list(filters = {}, limit = ACTIVITY_LIMIT) {
      const status = filters.status ?? 'all';
      const matching = entries.filter(
        (e) =>
          matchesStatus(e, status) &&
          (filters.dataset === undefined ||
            filters.dataset === '' ||
            e.dataset === filters.dataset),
      );
      const datasets = [...new Set(entries.flatMap((e) => (e.dataset ? [e.dataset] : [])))].sort();
      return {
        entries: matching.slice(-limit).reverse().map(summaryOf),
        datasets,
        matched: matching.length,
      };
    },

    get: (id) => entries.find((e) => e.id === id),

    flush: async () => {
      await writing;
    },
  };
}
