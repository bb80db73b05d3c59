import type { RequestRecipe } from '../../../shared/activity/activity-types';
import type { StorageAuthentication } from '../../../shared/contract/dataset';
import { pickEditableFields } from '../../../shared/contract/dataset-diff';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import { checkEndpoint } from '../../../shared/contract/endpoint';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { createSend } from '../datasets/service-transport';
import { serviceUrls } from '../datasets/service-urls';
import { describeRequest } from './describe-request';

export interface SaveRequestInput {
  endpoint: string;
  name: string;
  ifMatch: string;
  /** As `datasets:update` takes them: SAS without a token means the one kept with the draft. */
  changes: Omit<DatasetChanges, 'authentication'> & {
    authentication?: StorageAuthentication | { kind: 'sas' };
  };
}

/** Stands for the key while the request is built; the recipe never holds the key header's value. */
const NO_KEY = 'not-the-key';
/** Stands for a draft's SAS token, which never leaves main: the recipe leaves it out anyway. */
const SOME_TOKEN = 'the-sas-token-kept-with-the-draft';

/**
 * The PATCH a Save sends now, built with the client's own parts (URL, headers, the fields
 * picked from the changes), as a recipe without the key or a SAS token.
 */
export async function saveRequestRecipe(input: SaveRequestInput): Promise<Result<RequestRecipe>> {
  const endpoint = checkEndpoint(input.endpoint);
  if (!endpoint.ok) return fail({ kind: 'invalidEndpoint', message: endpoint.message });
  const { authentication, ...rest } = input.changes;
  const changes: DatasetChanges = {
    ...rest,
    ...(authentication && {
      authentication:
        authentication.kind === 'sas' && !('sasToken' in authentication)
          ? { kind: 'sas', sasToken: SOME_TOKEN }
          : (authentication as StorageAuthentication),
    }),
  };
  let recipe: RequestRecipe | undefined;
  const capture: typeof fetch = (url, init) => {
    recipe = describeRequest(url, init, 'datasets').recipe;
    return Promise.resolve(new Response(null, { status: 204 }));
  };
  const send = createSend(capture, NO_KEY, 1_000);
  await send('PATCH', serviceUrls(endpoint.endpoint).dataset(input.name), {
    body: pickEditableFields(changes),
    ifMatch: input.ifMatch,
  });
  return recipe
    ? ok(recipe)
    : fail({ kind: 'internal', message: 'The request could not be built.' });
}
