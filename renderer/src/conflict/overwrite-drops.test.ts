import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { DatasetFormValues } from '../forms/dataset-form';
import { CONFLICT_CLOSED, conflictReducer } from './conflict-state';
import type { ConflictOpen } from './conflict-state';
import { overwriteDrops } from './overwrite-drops';
import { TYPED, formWith, loaded, properties, theirsWith } from './test-datasets';

function open(values: DatasetFormValues, theirs: RedactedDataset): ConflictOpen {
  const state = conflictReducer(CONFLICT_CLOSED, {
    type: 'theirsRead',
    edits: { base: loaded, values },
    theirs,
    cause: { kind: 'conflict', status: 412, message: 'Someone else changed it.' },
  });
  if (state.kind !== 'conflict') throw new Error('the dialog did not open');
  return state;
}

const dropped = (state: ConflictOpen) =>
  overwriteDrops(state).map((row) => [row.label, row.theirs]);

describe('what Overwrite with mine would drop of theirs', () => {
  it('lists their change to a field I never touched, which the overwrite reverts', () => {
    const state = open(
      formWith({ annotationKind: 'imageObjectDetection' }),
      theirsWith({ customProperties: { team: 'zoology', stage: 'draft' } }),
    );
    expect(dropped(state)).toEqual([['Property "team"', 'zoology']]);
  });

  it('lists their side of a true conflict', () => {
    const state = open(
      formWith({ properties: properties({ team: 'horticulture', stage: 'draft' }) }),
      theirsWith({ customProperties: { team: 'zoology', stage: 'draft' } }),
    );
    expect(dropped(state)).toEqual([['Property "team"', 'zoology']]);
  });

  it('lists a property they added or removed, each once', () => {
    const state = open(
      formWith({ annotationKind: 'imageObjectDetection' }),
      theirsWith({ customProperties: { team: 'botany', owner: 'li.wei' } }),
    );
    expect(dropped(state)).toEqual([
      ['Property "stage"', null],
      ['Property "owner"', 'li.wei'],
    ]);
  });

  it('leaves out my own changes and a change we both made alike', () => {
    const state = open(
      formWith({
        annotationKind: 'imageObjectDetection',
        properties: properties({ team: 'zoology', stage: 'final' }),
      }),
      theirsWith({ customProperties: { team: 'zoology', stage: 'draft' } }),
    );
    expect(dropped(state)).toEqual([]);
  });

  it('is empty when they only saved again', () => {
    const state = open(formWith({ annotationKind: 'imageObjectDetection' }), theirsWith({}));
    expect(dropped(state)).toEqual([]);
  });

  it('lists their authentication when my typed token would replace it', () => {
    const state = open(
      formWith({ sasToken: TYPED }),
      theirsWith({ authentication: { kind: 'managedIdentity', hasSasToken: false } }),
    );
    expect(overwriteDrops(state).map((row) => row.field)).toEqual(['authentication']);
  });

  it('leaves out their authentication when my form only keeps the saved token, which is never sent', () => {
    const state = open(
      formWith({ annotationKind: 'imageObjectDetection' }),
      theirsWith({ authentication: { kind: 'managedIdentity', hasSasToken: false } }),
    );
    expect(dropped(state)).toEqual([]);
  });
});
