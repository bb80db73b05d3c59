import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/errors';
import {
  CONFLICT_CLOSED,
  conflictReducer,
  mergedChanges,
  needsTokenToRegister,
  overwriteChanges,
  registerFields,
  sendsKeptSasToken,
  unchosenConflicts,
} from './conflict-state';
import type { ConflictEvent, ConflictOpen, ConflictState } from './conflict-state';
import { TYPED, formWith, loaded, properties, theirsWith, uri } from './test-datasets';
import type { DatasetFormValues } from '../forms/dataset-form';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';

const stale: AppError = { kind: 'conflict', status: 412, message: 'Someone else changed it.' };
const missing: AppError = { kind: 'notFound', status: 404, message: 'There is no dataset.' };

function open(
  values: DatasetFormValues,
  theirs: RedactedDataset,
  from: ConflictState = CONFLICT_CLOSED,
  usesKeptSasToken = false,
): ConflictOpen {
  const state = conflictReducer(from, {
    type: 'theirsRead',
    edits: { base: loaded, values, usesKeptSasToken },
    theirs,
    cause: stale,
  });
  if (state.kind !== 'conflict') throw new Error('the dialog did not open');
  return state;
}

function after(state: ConflictState, ...events: ConflictEvent[]): ConflictState {
  return events.reduce(conflictReducer, state);
}

function asOpen(state: ConflictState): ConflictOpen {
  if (state.kind !== 'conflict') throw new Error(`expected an open conflict, got ${state.kind}`);
  return state;
}

describe('the conflict dialog: edits to different fields', () => {
  const mine = formWith({ annotationKind: 'imageObjectDetection' });
  const theirs = theirsWith({ customProperties: { team: 'zoology', stage: 'draft' } });
  const state = open(mine, theirs);

  it('shows a row per changed field and no conflict, so Save merged can go at once', () => {
    expect(state.outcome.rows.map((row) => [row.label, row.conflict])).toEqual([
      ['Annotation kind', false],
      ['Property "team"', false],
    ]);
    expect(unchosenConflicts(state)).toEqual([]);
  });

  it('sends only my change over theirs, guarded by their version', () => {
    expect(mergedChanges(state)).toEqual({ annotationKind: 'imageObjectDetection' });
  });

  it('overwrites with every value of my form, theirs included', () => {
    expect(overwriteChanges(state)).toEqual({
      annotationKind: 'imageObjectDetection',
      customProperties: { team: 'botany', stage: 'draft' },
    });
  });
});

describe('the conflict dialog: a true conflict', () => {
  const mine = formWith({ properties: properties({ team: 'botany', stage: 'review' }) });
  const theirs = theirsWith({
    annotationFileUris: [uri(0), uri(1), uri(2)],
    customProperties: { team: 'botany', stage: 'final' },
  });
  const state = open(mine, theirs);

  it('asks for a pick before Save merged', () => {
    expect(state.outcome.conflicts).toEqual(['customProperties.stage']);
    expect(unchosenConflicts(state)).toEqual(['customProperties.stage']);
    expect(mergedChanges(state)).toBeNull();
  });

  it('Keep mine sends my value for that field and keeps their other change', () => {
    const chosen = asOpen(
      after(state, { type: 'choose', field: 'customProperties.stage', side: 'mine' }),
    );
    expect(unchosenConflicts(chosen)).toEqual([]);
    expect(mergedChanges(chosen)).toEqual({
      customProperties: { team: 'botany', stage: 'review' },
    });
  });

  it('Take theirs leaves nothing to send', () => {
    const chosen = asOpen(
      after(state, { type: 'choose', field: 'customProperties.stage', side: 'theirs' }),
    );
    expect(mergedChanges(chosen)).toEqual({});
  });

  it('ignores a pick for a field that is not in conflict, and any pick while busy', () => {
    expect(
      after(state, { type: 'choose', field: 'annotationFileUris', side: 'mine' }),
    ).toStrictEqual(state);
    const busy = after(state, { type: 'started', command: 'saveMerged' });
    expect(
      asOpen(after(busy, { type: 'choose', field: 'customProperties.stage', side: 'mine' }))
        .choices,
    ).toEqual({});
  });

  it('shows a failed save in the dialog, and clears it on the next attempt', () => {
    const failure: AppError = { kind: 'server', message: 'The service failed.' };
    const failed = asOpen(
      after(state, { type: 'started', command: 'saveMerged' }, { type: 'failed', error: failure }),
    );
    expect(failed.busy).toBeNull();
    expect(failed.error).toEqual(failure);
    expect(asOpen(after(failed, { type: 'started', command: 'overwrite' })).error).toBeNull();
  });
});

describe('the conflict dialog: storage authentication', () => {
  const typedForm = formWith({ authKind: 'sas', sasToken: TYPED });
  const theirsMi = theirsWith({ authentication: { kind: 'managedIdentity', hasSasToken: false } });

  it('puts a typed token against their change as a conflict, and sends it only if kept', () => {
    const state = open(typedForm, theirsMi);
    expect(state.outcome.conflicts).toEqual(['authentication']);
    const mine = asOpen(after(state, { type: 'choose', field: 'authentication', side: 'mine' }));
    expect(mergedChanges(mine)).toEqual({ authentication: { kind: 'sas', sasToken: TYPED } });
    const taken = asOpen(after(state, { type: 'choose', field: 'authentication', side: 'theirs' }));
    expect(mergedChanges(taken)).toEqual({});
  });

  it('never puts the typed token into the merge itself', () => {
    expect(JSON.stringify(open(typedForm, theirsMi).outcome)).not.toContain('typedSecret');
  });

  it('sees no change in a form that keeps the saved token', () => {
    const state = open(formWith({ annotationKind: 'imageObjectDetection' }), theirsMi);
    expect(state.outcome.conflicts).toEqual([]);
    expect(mergedChanges(state)).toEqual({ annotationKind: 'imageObjectDetection' });
  });

  it('takes a token kept with a restored draft for a new one, which main fills in', () => {
    const kept = open(formWith({}), theirsMi, CONFLICT_CLOSED, true);
    expect(kept.outcome.conflicts).toEqual(['authentication']);
    const mine = asOpen(after(kept, { type: 'choose', field: 'authentication', side: 'mine' }));
    const changes = mergedChanges(mine);
    expect(changes).toEqual({ authentication: { kind: 'sas' } });
    expect(changes && sendsKeptSasToken(changes)).toBe(true);
    expect(sendsKeptSasToken({ authentication: { kind: 'sas', sasToken: TYPED } })).toBe(false);
  });

  it('tells a token they replaced from the saved one the form keeps', () => {
    const replaced = theirsWith({
      authentication: { kind: 'sas', hasSasToken: true, sasTokenFingerprint: 'fp-theirs-00000' },
    });
    const state = open(typedForm, replaced);
    expect(state.outcome.conflicts).toEqual(['authentication']);
  });

  it('treats no authentication and no properties as "none" and empty, not as changes', () => {
    const bare: RedactedDataset = { ...loaded };
    delete bare.authentication;
    delete bare.customProperties;
    const state = conflictReducer(CONFLICT_CLOSED, {
      type: 'theirsRead',
      edits: { base: bare, values: { ...formWith({}), authKind: 'none', properties: [] } },
      theirs: { ...bare, annotationKind: 'imageObjectDetection', eTag: '"2"' },
      cause: stale,
    });
    expect(asOpen(state).outcome.rows.map((row) => row.field)).toEqual(['annotationKind']);
  });
});

describe('the conflict dialog: another 412 during Save merged', () => {
  const mine = formWith({
    annotationKind: 'imageObjectDetection',
    properties: properties({ team: 'physics', stage: 'review' }),
  });
  const first = open(
    mine,
    theirsWith({
      annotationKind: 'imageClassification',
      customProperties: { team: 'zoology', stage: 'final' },
    }),
  );
  const picked = after(
    first,
    { type: 'choose', field: 'customProperties.team', side: 'mine' },
    { type: 'choose', field: 'customProperties.stage', side: 'theirs' },
    { type: 'started', command: 'saveMerged' },
  );

  it('opens again with the newer theirs, keeping every pick that still applies', () => {
    const newer = theirsWith(
      {
        annotationFileUris: [uri(0), uri(1), uri(3)],
        customProperties: { team: 'zoology', stage: 'final' },
      },
      '"3"',
    );
    const again = open(mine, newer, picked);
    expect(again.theirs.eTag).toBe('"3"');
    expect(again.round).toBe(2);
    expect(again.busy).toBeNull();
    expect(again.choices).toEqual({
      'customProperties.team': 'mine',
      'customProperties.stage': 'theirs',
    });
    expect(again.droppedChoices).toBe(0);
    expect(mergedChanges(again)).toEqual({
      annotationKind: 'imageObjectDetection',
      customProperties: { team: 'physics', stage: 'final' },
    });
  });

  it('drops a pick whose field they changed again, and counts it', () => {
    const newer = theirsWith({ customProperties: { team: 'chemistry', stage: 'final' } }, '"3"');
    const again = open(mine, newer, picked);
    expect(again.choices).toEqual({ 'customProperties.stage': 'theirs' });
    expect(again.droppedChoices).toBe(1);
    expect(unchosenConflicts(again)).toEqual(['customProperties.team']);
  });

  it('starts fresh when the dialog was closed in between', () => {
    const closed = after(picked, { type: 'closed' });
    const reopened = open(mine, theirsWith({}, '"3"'), closed);
    expect(reopened.round).toBe(1);
    expect(reopened.choices).toEqual({});
  });
});

describe('the dataset was deleted meanwhile', () => {
  const gone = (values: DatasetFormValues, usesKeptSasToken = false) => {
    const state = conflictReducer(CONFLICT_CLOSED, {
      type: 'gone',
      edits: { base: loaded, values, usesKeptSasToken },
      cause: missing,
    });
    if (state.kind !== 'gone') throw new Error('expected the gone state');
    return state;
  };

  it('registers again with the whole form, a typed token included', () => {
    const state = gone(formWith({ annotationKind: 'imageObjectDetection', sasToken: TYPED }));
    expect(needsTokenToRegister(state)).toBe(false);
    expect(registerFields(state)).toEqual({
      annotationKind: 'imageObjectDetection',
      annotationFileUris: [uri(0), uri(1)],
      authentication: { kind: 'sas', sasToken: TYPED },
      customProperties: { team: 'botany', stage: 'draft' },
    });
  });

  it('cannot register a form that relies on the deleted saved token', () => {
    expect(needsTokenToRegister(gone(formWith({})))).toBe(true);
    expect(needsTokenToRegister(gone(formWith({ authKind: 'none' })))).toBe(false);
    // A token typed before a restart is kept by main, which can register with it.
    expect(needsTokenToRegister(gone(formWith({}), true))).toBe(false);
  });

  it('keeps why nothing was saved, and a failed registration', () => {
    const taken: AppError = { kind: 'alreadyExists', status: 409, message: 'The name is taken.' };
    const state = after(
      gone(formWith({ authKind: 'none' })),
      { type: 'started', command: 'register' },
      { type: 'failed', error: taken },
    );
    expect(state).toMatchObject({ kind: 'gone', cause: missing, busy: null, error: taken });
  });
});
