import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/errors';
import { DELETE_ASKED, changesSince, deleteReducer, deleteTarget } from './delete-state';
import type { DeleteEvent, DeleteState } from './delete-state';
import { loaded, theirsWith } from './test-datasets';

const after = (state: DeleteState, ...events: DeleteEvent[]) => events.reduce(deleteReducer, state);

describe('delete with a stale eTag', () => {
  const theirs = theirsWith({
    annotationKind: 'imageObjectDetection',
    customProperties: { team: 'botany' },
  });

  it('deletes the loaded version until the service says it changed', () => {
    expect(deleteTarget(DELETE_ASKED, loaded)).toBe(loaded);
  });

  it('after a 412 shows what changed, then and now, and deletes the version shown', () => {
    const changed = after(
      DELETE_ASKED,
      { type: 'started' },
      {
        type: 'theirsRead',
        base: loaded,
        theirs,
      },
    );
    expect(changed).toMatchObject({ kind: 'changed', round: 1, busy: false, error: null });
    if (changed.kind !== 'changed') return;
    expect(changed.rows.map((row) => [row.label, row.base, row.theirs])).toEqual([
      ['Annotation kind', 'imageClassification', 'imageObjectDetection'],
      ['Property "stage"', 'draft', null],
    ]);
    expect(deleteTarget(changed, loaded)).toBe(theirs);
  });

  it('asks again, with the newest version, when it changed once more', () => {
    const newest = theirsWith({ annotationFileUris: ['https://x.example/a.json'] }, '"3"');
    const twice = after(
      DELETE_ASKED,
      { type: 'theirsRead', base: loaded, theirs },
      { type: 'started' },
      { type: 'theirsRead', base: loaded, theirs: newest },
    );
    expect(twice).toMatchObject({ kind: 'changed', round: 2 });
    expect(deleteTarget(twice, loaded).eTag).toBe('"3"');
  });

  it('shows a failure and clears it on the next try', () => {
    const error: AppError = { kind: 'network', message: 'Cannot reach the service.' };
    const failed = after(DELETE_ASKED, { type: 'started' }, { type: 'failed', error });
    expect(failed).toEqual({ kind: 'confirm', busy: false, error });
    expect(after(failed, { type: 'started' })).toEqual({
      kind: 'confirm',
      busy: true,
      error: null,
    });
  });

  it('finds no rows when only the version changed', () => {
    expect(changesSince(loaded, theirsWith({}))).toEqual([]);
  });
});
