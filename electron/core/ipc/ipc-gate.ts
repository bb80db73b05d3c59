import { fail } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { Dispatch } from './dispatcher';
import { isTrustedSender } from './trusted-sender';
import type { SenderInfo } from './trusted-sender';

/**
 * The wrapper every Electron IPC handler goes through: a foreign sender is refused before
 * the payload is even parsed. Kept free of Electron so it is tested in plain Node.
 */
export function createIpcGate(dispatch: Dispatch, trustedOrigins: readonly string[]) {
  return (channel: string, sender: SenderInfo, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(sender, trustedOrigins)) {
      return Promise.resolve(
        fail({ kind: 'forbidden', message: 'This request did not come from the app’s own page.' }),
      );
    }
    return dispatch(channel, payload);
  };
}
