import { fieldProblems } from '../../../shared/contract/issues';
import { ipcContract, isChannel } from '../../../shared/ipc/contract';
import type { Channel, ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';

/** One function per channel; the dispatcher has already validated the request. */
export type HandlerTable = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

/**
 * The single entry for every call from the page, in Electron and in browser mode alike:
 * an unknown channel or a payload that fails its schema gets a structured error, and a
 * handler that throws is turned into one too, so the page never sees a raw exception.
 */
export function createDispatcher(
  handlers: HandlerTable,
  onInternalError: (channel: Channel, error: unknown) => void = () => {},
): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;
      return fail({ kind: 'badRequest', message: `Unknown request "${name}".` });
    }
    let parsed: ReturnType<(typeof ipcContract)[typeof channel]['request']['safeParse']>;
    try {
      parsed = ipcContract[channel].request.safeParse(payload ?? {});
    } catch {
      // A value no schema check can handle (a BigInt where JSON is expected, say).
      return fail({ kind: 'badRequest', message: 'The request holds values that cannot be read.' });
    }
    if (!parsed.success) {
      const details = fieldProblems(parsed.error);
      const first = details[0];
      return fail({
        kind: 'badRequest',
        message: first
          ? `${first.field ? `${first.field}: ` : ''}${first.message}`
          : 'The request is malformed.',
        details,
      });
    }
    const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>;
    try {
      return await handler(parsed.data);
    } catch (error) {
      onInternalError(channel, error);
      return fail({
        kind: 'internal',
        message:
          'The app hit an unexpected problem with this request. Try again; if it persists, restart the app.',
      });
    }
  };
}
