import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver } from './draft-saver';

/** A fake main: records requests, and lets a test hold one open to see what waits for it. */
function fakeMain() {
  const log: string[] = [];
  let hold: Promise<void> | undefined;
  let release = () => {};
  return {
    log,
    holdNext() {
      hold = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
    options(holdsDraft = false) {
      return {
        delayMs: 400,
        holdsDraft,
        save: async (snapshot: string) => {
          log.push(`start save ${snapshot}`);
          const waiting = hold;
          hold = undefined;
          await waiting;
          log.push(`end save ${snapshot}`);
        },
        discard: async () => {
          log.push('discard');
        },
      };
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DraftSaver', () => {
  it('saves once per pause in typing, the newest values', async () => {
    const main = fakeMain();
    const saver = new DraftSaver(main.options());
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('abc');
    expect(main.log).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    await saver.idle();
    expect(main.log).toEqual(['start save abc', 'end save abc']);
  });

  it('never lets an older save land after a newer one', async () => {
    const main = fakeMain();
    const saver = new DraftSaver(main.options());
    main.holdNext();
    saver.schedule('old');
    await vi.advanceTimersByTimeAsync(400);
    saver.schedule('new');
    await vi.advanceTimersByTimeAsync(400);
    expect(main.log).toEqual(['start save old']);
    main.release();
    await saver.idle();
    expect(main.log).toEqual(['start save old', 'end save old', 'start save new', 'end save new']);
  });

  it('a discard cancels the save not sent yet and waits for the one under way', async () => {
    const main = fakeMain();
    const saver = new DraftSaver(main.options());
    main.holdNext();
    saver.schedule('sent');
    await vi.advanceTimersByTimeAsync(400);
    saver.schedule('not yet sent');
    saver.discard();
    main.release();
    await vi.advanceTimersByTimeAsync(1_000);
    await saver.idle();
    expect(main.log).toEqual(['start save sent', 'end save sent', 'discard']);
  });

  it('asks main to discard only when there is a draft to drop', async () => {
    const nothingKept = fakeMain();
    const fresh = new DraftSaver(nothingKept.options());
    fresh.schedule('typed and undone at once');
    fresh.discard();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(nothingKept.log).toEqual([]);

    const restored = fakeMain();
    const saver = new DraftSaver(restored.options(true));
    saver.discard();
    saver.discard();
    await saver.idle();
    expect(restored.log).toEqual(['discard']);
  });

  it('goes on after a request failed', async () => {
    let calls = 0;
    const saved: string[] = [];
    const saver = new DraftSaver({
      delayMs: 400,
      holdsDraft: false,
      save: async (snapshot: string) => {
        calls += 1;
        if (calls === 1) throw new Error('disk full');
        saved.push(snapshot);
      },
      discard: async () => {},
    });
    saver.schedule('first');
    saver.flush();
    saver.schedule('second');
    saver.flush();
    await saver.idle();
    expect(saved).toEqual(['second']);
  });
});
