import { requestCode } from '../../../shared/activity/request-code';
import { fieldProblems } from '../../../shared/contract/issues';
import { ipcContract } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { ConnectionsService } from '../connections/connections-service';
import type { HandlerTable } from '../ipc/dispatcher';
import type { ActivityLog } from './activity-log';
import { saveRequestRecipe } from './save-request';

type ActivityChannel = 'activity:list' | 'activity:code' | 'activity:saveCode';

/** The Activity view's channels: the log as the page may see it, and requests as code. */
export function activityHandlers(
  log: ActivityLog,
  connections: Pick<ConnectionsService, 'getCredentials'>,
): Pick<HandlerTable, ActivityChannel> {
  return {
    'activity:list': async (request) => ok(log.list(request.filters, request.limit)),
    'activity:code': async (request) => {
      const entry = log.get(request.entryId);
      if (!entry) {
        return fail({
          kind: 'notFound',
          message: 'That request is no longer in the activity log; only the last 1,000 are kept.',
        });
      }
      return ok({ text: requestCode(entry.recipe, request.language) });
    },
    'activity:saveCode': async (request) => {
      // The same rules as the save itself, so the code is of a request Save would send.
      const update = ipcContract['datasets:update'].request.safeParse(request.update);
      if (!update.success) {
        const first = fieldProblems(update.error)[0];
        return fail({
          kind: 'badRequest',
          message: first
            ? `${first.field ? `${first.field}: ` : ''}${first.message}`
            : 'The changes are malformed.',
        });
      }
      const credentials = await connections.getCredentials(update.data.connectionId);
      if (!credentials.ok) return credentials;
      const recipe = await saveRequestRecipe({
        endpoint: credentials.value.endpoint,
        name: update.data.name,
        ifMatch: update.data.ifMatch,
        changes: update.data.changes,
      });
      return recipe.ok ? ok({ text: requestCode(recipe.value, request.language) }) : recipe;
    },
  };
}
