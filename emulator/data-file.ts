import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { DatasetSchema } from '../shared/contract/dataset';
import type { Dataset } from '../shared/contract/dataset';
import { fieldProblems } from '../shared/contract/issues';

export const DATA_FILE_FORMAT = 'dataset-manager-emulator';
export const DATA_FILE_VERSION = 1;

const DataFileSchema = z.object({
  format: z.literal(DATA_FILE_FORMAT, {
    error: `"format" must be "${DATA_FILE_FORMAT}"`,
  }),
  version: z.literal(DATA_FILE_VERSION, {
    error: `"version" must be ${DATA_FILE_VERSION} (the only version this emulator reads)`,
  }),
  datasets: z.array(DatasetSchema, { error: '"datasets" must be a list' }),
});

/**
 * Turns the file's JSON text into what is written and back. The app's embedded emulator keeps
 * its file in the user's data folder, where SAS tokens must not lie in plain text, so it
 * passes an encrypting codec; the stand-alone emulator writes plain JSON.
 */
export interface DataCodec {
  encode(json: string): string;
  /** Throws when the text cannot be decoded (a wrong key, a damaged file). */
  decode(stored: string): string;
}

const PLAIN: DataCodec = { encode: (json) => json, decode: (stored) => stored };

export interface DataFileContent {
  format: typeof DATA_FILE_FORMAT;
  version: typeof DATA_FILE_VERSION;
  datasets: Dataset[];
}

function unusableFile(path: string, what: string): Error {
  return new Error(
    `Cannot use the emulator data file ${path}: ${what}. ` +
      'Move it aside or delete it to start with an empty store; the emulator never overwrites a file it cannot read.',
  );
}

export interface OpenedDataFile {
  datasets: Dataset[];
  /** True when there was no file yet: only then does --seed add the samples. */
  isNew: boolean;
}

/**
 * Opens a data file at start: sweeps the temporary files a crash left behind, then reads it.
 * A missing file is a new, empty store.
 */
export async function openDataFile(
  path: string,
  codec: DataCodec = PLAIN,
): Promise<OpenedDataFile> {
  await sweepTemporaryFiles(path);
  return readDataFile(path, codec);
}

/**
 * Reads the datasets of a data file; a missing file is an empty store. Anything unreadable is an
 * error rather than a reset, because the file may hold the only copy of someone's test data.
 */
export async function loadDataFile(path: string, codec: DataCodec = PLAIN): Promise<Dataset[]> {
  return (await readDataFile(path, codec)).datasets;
}

async function readDataFile(path: string, codec: DataCodec): Promise<OpenedDataFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // Made now so that the first write cannot fail on a missing folder.
      await mkdir(dirname(path), { recursive: true }).catch((cause: unknown) => {
        throw new Error(
          `Cannot create the folder of the emulator data file ${path}: ${(cause as Error).message}. Choose a writable location.`,
          { cause },
        );
      });
      return { datasets: [], isNew: true };
    }
    throw unusableFile(path, `it cannot be read (${(error as Error).message})`);
  }
  try {
    text = codec.decode(text);
  } catch (error) {
    throw unusableFile(path, `it cannot be decrypted (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw unusableFile(path, `it is not valid JSON (${(error as Error).message})`);
  }
  const result = DataFileSchema.safeParse(json);
  if (!result.success) {
    const problems = fieldProblems(result.error);
    const shown = problems
      .slice(0, 3)
      .map((p) => (p.field === '' ? p.message : `${p.field}: ${p.message}`))
      .join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw unusableFile(
      path,
      `it is not a ${DATA_FILE_FORMAT} file of version ${DATA_FILE_VERSION} (${shown}${more})`,
    );
  }
  const seen = new Set<string>();
  for (const dataset of result.data.datasets) {
    if (seen.has(dataset.name)) {
      throw unusableFile(path, `it lists the dataset "${dataset.name}" twice`);
    }
    seen.add(dataset.name);
  }
  return { datasets: result.data.datasets, isNew: false };
}

export function serializeDataFile(datasets: readonly Dataset[]): string {
  const content: DataFileContent = {
    format: DATA_FILE_FORMAT,
    version: DATA_FILE_VERSION,
    datasets: [...datasets],
  };
  return `${JSON.stringify(content, null, 2)}\n`;
}

/**
 * Replaces the file so that a crash at any moment leaves the old or the new content, never a mix:
 * the new content goes to a temporary file in the same folder (rename is atomic only within one
 * file system), is flushed to disk, then renamed over the old one, and the folder is flushed so
 * the rename itself survives a power cut.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // (The name is what isTemporaryFileOf() recognises, so a crash's leftover is swept at start.)
  try {
    // 0o600: the file holds SAS tokens, which are secrets.
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** True for the temporary files writeFileAtomically() makes next to the data file `path`. */
export function isTemporaryFileOf(path: string, name: string): boolean {
  const prefix = `.${basename(path)}.`;
  return name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
}

/**
 * Removes the temporary files of `path` that a crash between write and rename left behind; they
 * are never read, and would pile up. Only this data file's own are touched, and only at start,
 * when this process has no write in flight (one data file is for one emulator at a time).
 */
export async function sweepTemporaryFiles(path: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return; // No folder yet, so nothing to sweep; a folder we cannot read fails the load instead.
  }
  await Promise.all(
    names
      .filter((name) => isTemporaryFileOf(path, name))
      .map((name) => unlink(join(dirname(path), name)).catch(() => undefined)),
  );
}

async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open or flush a folder; there the rename is as durable as it gets.
  } finally {
    await handle?.close();
  }
}

interface PendingWrite {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function pendingWrite(): PendingWrite {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Persists the store after changes, coalescing them: while one write is in flight, every change
 * made meanwhile waits for the single next write, which holds them all. So 16 concurrent clients
 * cost two fsyncs, not 16, and each client still hears back only once its change is on disk.
 */
export class DataFileWriter {
  private readonly path: string;
  private readonly snapshot: () => readonly Dataset[];
  private readonly codec: DataCodec;
  private inFlight: Promise<void> | undefined;
  private next: PendingWrite | undefined;

  constructor(path: string, snapshot: () => readonly Dataset[], codec: DataCodec = PLAIN) {
    this.path = path;
    this.snapshot = snapshot;
    this.codec = codec;
  }

  /** Call right after a change; resolves once a write that contains the change is durable. */
  persist(): Promise<void> {
    const batch = (this.next ??= pendingWrite());
    if (!this.inFlight) this.startNextWrite();
    return batch.promise;
  }

  /** Resolves when nothing is being or waiting to be written. */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private startNextWrite(): void {
    const batch = this.next!;
    this.next = undefined;
    // Serialized now, synchronously, so the write holds every change made before this moment.
    const text = this.codec.encode(serializeDataFile(this.snapshot()));
    this.inFlight = writeFileAtomically(this.path, text)
      .then(batch.resolve, batch.reject)
      .finally(() => {
        this.inFlight = undefined;
        if (this.next) this.startNextWrite();
      });
  }
}
