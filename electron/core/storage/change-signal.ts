/**
 * What a polled job tells its pollers: a version bumped at every change, and a promise that
 * resolves at the next one, so a poll waits for news instead of asking again and again.
 */
export interface ChangeSignal {
  readonly version: number;
  /** Marks a change: the version goes up and everyone waiting is woken. */
  touch(): void;
  /** Resolves at the next change, or at once if there was one since `version`. */
  changedSince(version: number): Promise<void>;
}

export function createChangeSignal(): ChangeSignal {
  let version = 0;
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => (wake = resolve));
  return {
    get version() {
      return version;
    },
    touch() {
      version += 1;
      const woken = wake;
      changed = new Promise<void>((resolve) => (wake = resolve));
      woken();
    },
    changedSince: (since) => (since === version ? changed : Promise.resolve()),
  };
}
