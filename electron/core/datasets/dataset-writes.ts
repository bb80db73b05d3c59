import { DatasetSchema } from '../../../shared/contract/dataset';
import type { Dataset, DatasetFields } from '../../../shared/contract/dataset';
import {
  diffDatasetFields,
  holdsChanges,
  pickEditableFields,
} from '../../../shared/contract/dataset-diff';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import {
  alreadyExistsError,
  conflictError,
  errorFromExchange,
  parseAnswer,
} from './service-errors';
import { errorContext, readDataset } from './service-reads';
import type { ServiceSession } from './service-reads';
import { runSettlingWrite } from './settling-write';
import type { Settlement } from './settling-write';

/** `*` matches any version, so it guards nothing: such a write is treated as unconditional. */
function guardingETag(ifMatch: string | undefined): string | undefined {
  return ifMatch !== undefined && ifMatch.trim() !== '*' ? ifMatch : undefined;
}

export async function registerDataset(
  session: ServiceSession,
  name: string,
  fields: DatasetFields,
): Promise<Result<Dataset>> {
  const sent = pickEditableFields(fields);
  const context = () => errorContext(session, 'register', name);
  // What Register sets is the whole dataset: a property not sent must be absent.
  const isOurs = (dataset: Dataset) => Object.keys(diffDatasetFields(dataset, sent)).length === 0;

  const settle = async (): Promise<Settlement<Dataset>> => {
    const current = await readDataset(session, name);
    if (current.ok) {
      return {
        kind: 'settled',
        result: isOurs(current.value) ? current : fail(alreadyExistsError(context())),
      };
    }
    return current.error.kind === 'notFound' ? { kind: 'replay' } : { kind: 'unknown' };
  };

  return runSettlingWrite(
    {
      attempt: () => session.send('PUT', session.urls.dataset(name), { body: sent }),
      replayable: true,
      replaysAfterLoss: 1,
      echoesOfEarlierAttempt: new Set([409]),
      accept: (answer) => parseAnswer(answer, DatasetSchema, context()),
      describe: (exchange) => errorFromExchange(exchange, context()),
      settle,
      unknownOutcomeNote:
        'The dataset may or may not have been registered; refresh the list to see.',
      notAppliedNote: 'The dataset was not registered.',
    },
    session.pacing,
  );
}

export async function updateDataset(
  session: ServiceSession,
  name: string,
  changes: DatasetChanges,
  ifMatch: string | undefined,
): Promise<Result<Dataset>> {
  const sent = pickEditableFields(changes);
  const guard = guardingETag(ifMatch);
  const context = () => errorContext(session, 'update', name);

  const settle = async (): Promise<Settlement<Dataset>> => {
    const current = await readDataset(session, name);
    if (!current.ok) {
      if (current.error.kind !== 'notFound') return { kind: 'unknown' };
      return { kind: 'settled', result: current };
    }
    if (holdsChanges(current.value, sent)) return { kind: 'settled', result: current };
    if (guard === undefined) return { kind: 'unknown' };
    if (current.value.eTag === guard) return { kind: 'replay' };
    return { kind: 'settled', result: fail(conflictError(context())) };
  };

  return runSettlingWrite(
    {
      attempt: () => session.send('PATCH', session.urls.dataset(name), { body: sent, ifMatch }),
      replayable: guard !== undefined,
      replaysAfterLoss: Number.POSITIVE_INFINITY,
      echoesOfEarlierAttempt: new Set([412]),
      accept: (answer) => parseAnswer(answer, DatasetSchema, context()),
      describe: (exchange) => errorFromExchange(exchange, context()),
      settle,
      unknownOutcomeNote: 'The changes may or may not have been saved; reload the dataset to see.',
      notAppliedNote: 'The changes were not saved.',
    },
    session.pacing,
  );
}

export async function deleteDataset(
  session: ServiceSession,
  name: string,
  ifMatch: string | undefined,
): Promise<Result<null>> {
  const guard = guardingETag(ifMatch);
  const context = () => errorContext(session, 'delete', name);

  const settle = async (): Promise<Settlement<null>> => {
    const current = await readDataset(session, name);
    if (!current.ok) {
      return current.error.kind === 'notFound'
        ? { kind: 'settled', result: ok(null) }
        : { kind: 'unknown' };
    }
    if (guard === undefined) return { kind: 'unknown' };
    if (current.value.eTag === guard) return { kind: 'replay' };
    return { kind: 'settled', result: fail(conflictError(context())) };
  };

  return runSettlingWrite(
    {
      attempt: () => session.send('DELETE', session.urls.dataset(name), { ifMatch }),
      replayable: guard !== undefined,
      replaysAfterLoss: Number.POSITIVE_INFINITY,
      // After a lost attempt, 404 is most likely our own delete having landed.
      echoesOfEarlierAttempt: new Set([404, 412]),
      accept: () => ok(null),
      describe: (exchange) => errorFromExchange(exchange, context()),
      settle,
      unknownOutcomeNote: 'The dataset may or may not have been deleted; refresh the list to see.',
      notAppliedNote: 'The dataset was not deleted.',
    },
    session.pacing,
  );
}
