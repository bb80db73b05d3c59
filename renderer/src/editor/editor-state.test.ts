import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/errors';
import { formWith } from '../conflict/test-datasets';
import { editorReducer, holdsBase, initialEditorState, isBusy, savedStatus } from './editor-state';
import type { EditorEvent, EditorState } from './editor-state';

const after = (state: EditorState, ...events: EditorEvent[]) => events.reduce(editorReducer, state);

const OPENED = initialEditorState(false);
const edits = formWith({ annotationKind: 'imageObjectDetection' });
const conflictError: AppError = {
  kind: 'conflict',
  status: 412,
  message: 'The dataset changed on the service.',
};
const goneError: AppError = { kind: 'notFound', status: 404, message: 'No such dataset.' };
const down: AppError = { kind: 'network', message: 'Cannot reach the service.' };

describe('saving', () => {
  it('opens idle, or saying "Saved" when the dataset was registered a moment ago', () => {
    expect(OPENED).toEqual({ step: { kind: 'idle' }, outcome: null });
    expect(savedStatus(initialEditorState(true).outcome, false)).toBe('Saved');
  });

  it('clears the last outcome while the save runs, and holds the commands', () => {
    const failed = after(OPENED, { type: 'saveStarted' }, { type: 'saveFailed', error: down });
    expect(failed.outcome).toEqual({ kind: 'failed', error: down });
    const saving = after(failed, { type: 'saveStarted' });
    expect(saving).toEqual({ step: { kind: 'saving' }, outcome: null });
    expect(isBusy(saving)).toBe(true);
    expect(holdsBase(saving)).toBe(true);
  });

  it('ignores Save while a save runs, and says so by returning the same state', () => {
    const saving = after(OPENED, { type: 'saveStarted' });
    expect(editorReducer(saving, { type: 'saveStarted' })).toBe(saving);
  });

  it('ignores Save, Reload and Delete while the conflict dialog is open', () => {
    const open = after(OPENED, { type: 'saveStarted' }, { type: 'conflictOpened', edits });
    for (const event of [
      { type: 'saveStarted' },
      { type: 'reloadAsked', dirty: true },
      { type: 'deleteAsked' },
    ] satisfies EditorEvent[]) {
      expect(editorReducer(open, event)).toBe(open);
    }
  });

  it('says "Saved", and "Earlier edits saved" beside edits typed while it ran', () => {
    const saved = after(OPENED, { type: 'saveStarted' }, { type: 'saved', editsKept: false });
    expect(saved).toEqual({ step: { kind: 'idle' }, outcome: { kind: 'saved' } });
    expect(savedStatus(saved.outcome, false)).toBe('Saved');
    // Typed on after it was saved: no claim that everything is.
    expect(savedStatus(saved.outcome, true)).toBeNull();

    const withEdits = after(OPENED, { type: 'saveStarted' }, { type: 'saved', editsKept: true });
    expect(withEdits.outcome).toEqual({ kind: 'savedWithEdits' });
    expect(savedStatus(withEdits.outcome, true)).toBe('Earlier edits saved');
    // The edits typed meanwhile undone by hand: all of it is saved.
    expect(savedStatus(withEdits.outcome, false)).toBe('Saved');
  });

  it('keeps a failure on screen until the next save or reload', () => {
    const failed = after(OPENED, { type: 'saveStarted' }, { type: 'saveFailed', error: down });
    expect(failed.step).toEqual({ kind: 'idle' });
    expect(savedStatus(failed.outcome, true)).toBeNull();
    expect(after(failed, { type: 'reloadAsked', dirty: false }).outcome).toBeNull();
  });
});

describe('a save refused with a 412 or a 404', () => {
  const opened = after(OPENED, { type: 'saveStarted' }, { type: 'conflictOpened', edits });

  it('opens the conflict dialog with the form as it was then', () => {
    expect(opened).toEqual({
      step: { kind: 'conflict', edits, reviewing: false },
      outcome: null,
    });
    expect(isBusy(opened)).toBe(false);
    expect(holdsBase(opened)).toBe(true);
  });

  it('says why nothing was saved when the user keeps editing', () => {
    expect(after(opened, { type: 'keptEditing', cause: conflictError })).toEqual({
      step: { kind: 'idle' },
      outcome: { kind: 'conflict', error: conflictError },
    });
    expect(after(opened, { type: 'keptEditing', cause: goneError }).outcome).toEqual({
      kind: 'failed',
      error: goneError,
    });
  });

  it('says "Saved" when the merge, the overwrite or Register again wrote it', () => {
    expect(after(opened, { type: 'saved', editsKept: false }).outcome).toEqual({ kind: 'saved' });
  });

  it('reloads when the user takes their version', () => {
    expect(after(opened, { type: 'reloadConfirmed' })).toEqual({
      step: { kind: 'reloading' },
      outcome: null,
    });
  });

  it('can only follow a save', () => {
    expect(editorReducer(OPENED, { type: 'conflictOpened', edits })).toBe(OPENED);
  });
});

describe('Review changes', () => {
  const saved = after(OPENED, { type: 'saveStarted' }, { type: 'saved', editsKept: true });
  const reviewing = after(saved, { type: 'reviewOpened', edits });

  it('opens the conflict dialog without a refused save, keeping the outcome', () => {
    expect(reviewing).toEqual({
      step: { kind: 'conflict', edits, reviewing: true },
      outcome: { kind: 'savedWithEdits' },
    });
  });

  it('is no failure when left with Keep editing', () => {
    expect(after(reviewing, { type: 'keptEditing', cause: conflictError })).toEqual({
      step: { kind: 'idle' },
      outcome: { kind: 'savedWithEdits' },
    });
  });

  it('waits while a save runs', () => {
    const saving = after(OPENED, { type: 'saveStarted' });
    expect(editorReducer(saving, { type: 'reviewOpened', edits })).toBe(saving);
  });
});

describe('reload', () => {
  it('asks first while there are edits, and Keep editing leaves them', () => {
    const asking = after(OPENED, { type: 'reloadAsked', dirty: true });
    expect(asking.step).toEqual({ kind: 'confirmingReload' });
    expect(isBusy(asking)).toBe(false);
    expect(after(asking, { type: 'dialogClosed' })).toEqual(OPENED);
    expect(after(asking, { type: 'reloadConfirmed' }).step).toEqual({ kind: 'reloading' });
  });

  it('starts at once without edits', () => {
    const reloading = after(OPENED, { type: 'reloadAsked', dirty: false });
    expect(reloading.step).toEqual({ kind: 'reloading' });
    expect(isBusy(reloading)).toBe(true);
    expect(after(reloading, { type: 'reloaded' })).toEqual(OPENED);
  });

  it('clears the last outcome, and says so when it fails', () => {
    const saved = initialEditorState(true);
    const reloading = after(saved, { type: 'reloadAsked', dirty: false });
    expect(reloading.outcome).toBeNull();
    expect(after(reloading, { type: 'reloadFailed', error: down })).toEqual({
      step: { kind: 'idle' },
      outcome: { kind: 'reloadFailed', error: down },
    });
  });

  it('is ignored while a save or another reload runs', () => {
    const saving = after(OPENED, { type: 'saveStarted' });
    expect(editorReducer(saving, { type: 'reloadAsked', dirty: false })).toBe(saving);
    expect(editorReducer(saving, { type: 'reloadConfirmed' })).toBe(saving);
    const reloading = after(OPENED, { type: 'reloadAsked', dirty: false });
    expect(editorReducer(reloading, { type: 'reloadAsked', dirty: false })).toBe(reloading);
    expect(editorReducer(reloading, { type: 'saveStarted' })).toBe(reloading);
  });
});

describe('delete', () => {
  const deleting = after(OPENED, { type: 'deleteAsked' });

  it('opens its dialog, and Cancel closes it', () => {
    expect(deleting.step).toEqual({ kind: 'deleting' });
    expect(after(deleting, { type: 'dialogClosed' })).toEqual(OPENED);
  });

  it('reloads from its dialog when the dataset changed meanwhile', () => {
    expect(after(deleting, { type: 'reloadConfirmed' }).step).toEqual({ kind: 'reloading' });
  });

  it('is not offered while a save runs', () => {
    const saving = after(OPENED, { type: 'saveStarted' });
    expect(editorReducer(saving, { type: 'deleteAsked' })).toBe(saving);
  });
});

describe('a colleague’s version', () => {
  it('is announced when the form follows it, until dismissed', () => {
    const shown = after(OPENED, { type: 'serviceVersionShown' });
    expect(shown.outcome).toEqual({ kind: 'changedOnService' });
    expect(after(shown, { type: 'noticeDismissed' })).toEqual(OPENED);
  });

  it('is left to a save, reload or merge that runs, which sets the base itself', () => {
    const saving = after(OPENED, { type: 'saveStarted' });
    expect(editorReducer(saving, { type: 'serviceVersionShown' })).toBe(saving);
    const merging = after(saving, { type: 'conflictOpened', edits });
    expect(editorReducer(merging, { type: 'serviceVersionShown' })).toBe(merging);
  });

  it('goes with Discard changes, as any outcome does', () => {
    const shown = after(OPENED, { type: 'serviceVersionShown' });
    expect(after(shown, { type: 'discarded' }).outcome).toBeNull();
  });
});
