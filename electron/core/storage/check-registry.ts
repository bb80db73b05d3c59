import { randomUUID } from 'node:crypto';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { CheckProgress } from '../../../shared/storage/check-contract';

/**
 * What the registry polls: a check of files (annotation-check.ts's CheckJob), or a run over
 * every dataset (check-all.ts).
 */
export interface PolledJob<P> {
  readonly checkId: string;
  /** Bumped at every change a poll should see. */
  readonly version: number;
  readonly finished: boolean;
  /** A copy without any token or signed URL, ready to cross to the page. */
  snapshot(): P;
  /** Resolves at the next change (or at once if there was one since `version`). */
  changedSince(version: number): Promise<void>;
  cancel(): void;
  readonly settled: Promise<void>;
}

export interface CheckRegistryOptions {
  /** A poll with nothing new answers after this long anyway, so the page can tell main is alive. */
  pollMs?: number;
  /** Answers to one check come at most this often: a fast read changes the progress constantly. */
  minIntervalMs?: number;
  /** A check nobody asked about for this long is dropped (cancelled first if it still runs). */
  idleMs?: number;
  now?: () => number;
  /** What a poll for a job already let go answers. */
  goneMessage?: string;
}

interface Entry<P> {
  job: PolledJob<P>;
  /** The version the last answer showed. */
  sentVersion: number;
  answeredAt: number;
  touched: number;
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
  });

/**
 * Checks run in main while the page polls them over plain request/response channels (Electron's
 * invoke and the browser bridge alike): `progress` answers as soon as something changed (at most
 * every minIntervalMs), or after pollMs with the same state, the way a listing is continued.
 */
export function createCheckRegistry<P = CheckProgress>(options: CheckRegistryOptions = {}) {
  const pollMs = options.pollMs ?? 1_000;
  const minIntervalMs = options.minIntervalMs ?? 200;
  const idleMs = options.idleMs ?? 5 * 60_000;
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry<P>>();
  const gone = () =>
    fail<P>({
      kind: 'badRequest',
      message:
        options.goneMessage ??
        'This check is over and its results were let go; run Check annotation files again.',
    });

  function sweep() {
    for (const [id, entry] of entries) {
      if (now() - entry.touched <= idleMs) continue;
      entry.job.cancel();
      entries.delete(id);
    }
  }

  function answer(entry: Entry<P>): Result<P> {
    entry.sentVersion = entry.job.version;
    entry.answeredAt = now();
    return ok(entry.job.snapshot());
  }

  return {
    newId: () => randomUUID(),

    /** Keeps the job and answers with its first progress at once. */
    start(job: PolledJob<P>): Result<P> {
      sweep();
      const entry: Entry<P> = { job, sentVersion: -1, answeredAt: 0, touched: now() };
      entries.set(job.checkId, entry);
      return answer(entry);
    },

    async progress(checkId: string): Promise<Result<P>> {
      sweep();
      const entry = entries.get(checkId);
      if (!entry) return gone();
      entry.touched = now();
      const { job } = entry;
      if (job.version === entry.sentVersion && !job.finished) {
        await Promise.race([job.changedSince(entry.sentVersion), delay(pollMs)]);
      }
      const wait = entry.answeredAt + minIntervalMs - now();
      if (wait > 0 && !job.finished) {
        await Promise.race([job.settled, delay(wait)]);
      }
      entry.touched = now();
      return answer(entry);
    },

    cancel(checkId: string): Result<P> {
      const entry = entries.get(checkId);
      if (!entry) return gone();
      entry.touched = now();
      entry.job.cancel();
      return answer(entry);
    },

    get size() {
      return entries.size;
    },
  };
}
