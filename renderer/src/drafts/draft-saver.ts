export interface DraftSaverOptions<T> {
  save: (snapshot: T) => Promise<void>;
  discard: () => Promise<void>;
  /** How long typing must pause before the draft is saved. */
  delayMs: number;
  /** Main already holds a draft (one restored from the last session). */
  holdsDraft: boolean;
}

/**
 * Keeps one draft in step with a form: saved once per pause in typing, and every request sent
 * one after another in the order asked, so an older save never lands after a newer one or
 * after a discard. A failed request is left behind: the edits are still in the form, and the
 * next save carries them.
 */
export class DraftSaver<T> {
  private readonly options: DraftSaverOptions<T>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting: { snapshot: T } | undefined;
  private queue: Promise<void> = Promise.resolve();
  private holds: boolean;

  constructor(options: DraftSaverOptions<T>) {
    this.options = options;
    this.holds = options.holdsDraft;
  }

  /** Saves `snapshot` once nothing newer arrived for `delayMs`. */
  schedule(snapshot: T): void {
    this.waiting = { snapshot };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.delayMs);
  }

  /** Sends the waiting snapshot now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (!waiting) return;
    this.holds = true;
    this.enqueue(() => this.options.save(waiting.snapshot));
  }

  /** Forgets any save not sent yet, then drops the draft after those already sent. */
  discard(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = undefined;
    if (!this.holds) return;
    this.holds = false;
    this.enqueue(() => this.options.discard());
  }

  /** Settles once every request asked for so far has. */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(request: () => Promise<void>): void {
    this.queue = this.queue.then(request).catch(() => undefined);
  }
}
