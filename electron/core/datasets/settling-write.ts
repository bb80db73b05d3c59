import { fail } from '../../../shared/ipc/errors';
import type { AppError, Result } from '../../../shared/ipc/errors';
import { isSuccess } from './http-exchange';
import type { Answered, Exchange } from './http-exchange';
import { RETRYABLE_STATUSES } from './retry-pacing';
import type { Pacing } from './retry-pacing';

/** What reading the dataset again says about a write whose outcome is unknown. */
export type Settlement<T> =
  | { kind: 'settled'; result: Result<T> }
  /** The write did not happen and replaying it is safe. */
  | { kind: 'replay' }
  /** Still unknown: the read failed, or nothing proves either way. */
  | { kind: 'unknown' };

export interface SettlingWrite<T> {
  attempt: () => Promise<Exchange>;
  /**
   * Whether the request may be sent again. Only when a replay cannot undo someone else's work:
   * Register (a replay gets 409) and Update or Unregister with If-Match (a replay gets 412).
   */
  replayable: boolean;
  /** How many times a request whose answer was lost may be sent again. */
  replaysAfterLoss: number;
  /** Statuses that, on a repeated request, may only mean that an earlier one was applied. */
  echoesOfEarlierAttempt: ReadonlySet<number>;
  accept: (answer: Answered) => Result<T>;
  describe: (exchange: Exchange) => AppError;
  /** Reads the dataset again to learn whether the write was applied. */
  settle: () => Promise<Settlement<T>>;
  /** Said after the error when the write may or may not have been applied. */
  unknownOutcomeNote: string;
  /** Said after the error when the read proved the write was not applied. */
  notAppliedNote: string;
}

function withNote(error: AppError, note: string): AppError {
  return { ...error, message: `${error.message} ${note}` };
}

/**
 * A write that survives lost answers without applying twice: when the outcome is unknown it
 * reads the dataset to find out, and replays only what is safe to replay.
 */
export async function runSettlingWrite<T>(
  write: SettlingWrite<T>,
  pacing: Pacing,
): Promise<Result<T>> {
  let lossReplays = 0;
  for (let tried = 1; ; tried++) {
    const exchange = await write.attempt();
    const mayRetry = write.replayable && tried < pacing.attempts;

    if (exchange.kind === 'answered') {
      if (isSuccess(exchange.status)) return write.accept(exchange);
      if (tried > 1 && write.echoesOfEarlierAttempt.has(exchange.status)) {
        const settlement = await write.settle();
        if (settlement.kind === 'settled') return settlement.result;
        return fail(write.describe(exchange));
      }
      if (mayRetry && RETRYABLE_STATUSES.has(exchange.status)) {
        await pacing.pause(tried, exchange);
        continue;
      }
      return fail(write.describe(exchange));
    }

    const error = write.describe(exchange);
    if (exchange.kind === 'cancelled') return fail(error);
    if (!exchange.maybeReceived) {
      if (!mayRetry) return fail(error);
      await pacing.pause(tried, exchange);
      continue;
    }
    const settlement = await write.settle();
    if (settlement.kind === 'settled') return settlement.result;
    if (settlement.kind === 'replay' && mayRetry && lossReplays < write.replaysAfterLoss) {
      lossReplays += 1;
      await pacing.pause(tried, exchange);
      continue;
    }
    const note = settlement.kind === 'replay' ? write.notAppliedNote : write.unknownOutcomeNote;
    return fail(withNote(error, note));
  }
}
