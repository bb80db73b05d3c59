import { describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc/errors';
import type { RequestOf } from '../../../shared/ipc/contract';
import { EMPTY_DATASET_FORM } from '../forms/dataset-form';
import type { DatasetFormValues } from '../forms/dataset-form';
import { createDraftSync } from './draft-sync';

const TOKEN = 'sv=2024-01-01&sp=r&sig=abc';

function harness(holdsDraft = false) {
  const saves: RequestOf<'drafts:save'>[] = [];
  const discards: RequestOf<'drafts:discard'>[] = [];
  let keptTokenGone = 0;
  const sync = createDraftSync({
    api: {
      saveDraft: async (request) => {
        saves.push(request);
        return ok({ savedAt: 'now' });
      },
      discardDraft: async (request) => {
        discards.push(request);
        return ok(null);
      },
    },
    connectionId: 'c1',
    datasetName: null,
    holdsDraft,
    onKeptTokenGone: () => (keptTokenGone += 1),
  });
  const save = async (values: Partial<DatasetFormValues>) => {
    sync.schedule({ base: null, values: { ...EMPTY_DATASET_FORM, name: 'roses', ...values } });
    sync.flush();
    await sync.idle();
    return saves.at(-1);
  };
  return { sync, save, saves, discards, keptTokenGone: () => keptTokenGone };
}

describe('a draft in main', () => {
  it('keeps the form without the typed token, which travels apart', async () => {
    const { save } = harness();
    const sent = await save({ authKind: 'sas', sasToken: TOKEN });
    expect(sent).toMatchObject({ connectionId: 'c1', datasetName: null, sasToken: TOKEN });
    expect(sent?.values).not.toHaveProperty('sasToken');
    expect(JSON.stringify(sent?.values)).not.toContain('sig=');
    expect(sent?.values).toMatchObject({ name: 'roses', authKind: 'sas' });
  });

  it('forgets the token when it is cleared or SAS is left, and only then', async () => {
    const { save } = harness();
    await save({ authKind: 'sas', sasToken: TOKEN });
    expect(await save({ authKind: 'sas', sasToken: '' })).toMatchObject({ dropSasToken: true });
    const quiet = await save({ authKind: 'sas', sasToken: '', name: 'roses-2' });
    expect(quiet).not.toHaveProperty('dropSasToken');
    expect(quiet).not.toHaveProperty('sasToken');
    expect(await save({ authKind: 'managedIdentity' })).toMatchObject({ dropSasToken: true });
  });

  it('leaves a token kept from the last session alone while the SAS box stays empty', async () => {
    const { save, keptTokenGone } = harness(true);
    const sent = await save({ authKind: 'sas', sasToken: '', name: 'tulips' });
    expect(sent).not.toHaveProperty('dropSasToken');
    expect(sent).not.toHaveProperty('sasToken');
    expect(keptTokenGone()).toBe(0);
    await save({ authKind: 'sas', sasToken: TOKEN });
    expect(keptTokenGone()).toBe(1);
  });

  it('is discarded by its reference', async () => {
    const { sync, discards } = harness(true);
    sync.discard();
    await sync.idle();
    expect(discards).toEqual([{ connectionId: 'c1', datasetName: null }]);
  });
});
