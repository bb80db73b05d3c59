import type { AppError } from '../../../shared/ipc/errors';
import type { DatasetFormValues } from '../forms/dataset-form';

/*
 * What the editor of a saved dataset is doing (saving, reloading, a dialog open) and what the
 * last save or reload came to. The editor dispatches what happened and renders from this; the
 * requests themselves (the save, the read) are the editor's, and start only when the event
 * that begins them is accepted here.
 */

/** What the last save (or reload) came to, for the status and the line under the command bar. */
export type EditorOutcome =
  | { kind: 'saved' }
  /** Saved, and the user typed on while it ran: those edits are not saved yet. */
  | { kind: 'savedWithEdits' }
  /** No edits were open when a colleague's version arrived, so the form now shows it. */
  | { kind: 'changedOnService' }
  /** Not saved: the dataset changed on the service (the conflict dialog was left). */
  | { kind: 'conflict'; error: AppError }
  | { kind: 'failed'; error: AppError }
  | { kind: 'reloadFailed'; error: AppError };

export type EditorStep =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'reloading' }
  /** Reload was asked for with edits open: "Reload and discard your changes?" */
  | { kind: 'confirmingReload' }
  /** The delete dialog is open; it asks, deletes and meets a 412 by itself. */
  | { kind: 'deleting' }
  /**
   * The conflict dialog holds the edits: a save met a 412 (merge) or a 404 (register again),
   * or Review changes opened it (`reviewing`: leaving it then is no failure). `edits` is the
   * form as it was when it opened, which the dialog's writes are based on.
   */
  | { kind: 'conflict'; edits: DatasetFormValues; reviewing: boolean };

export interface EditorState {
  step: EditorStep;
  outcome: EditorOutcome | null;
}

export type EditorEvent =
  /** Save, with valid edits: the request goes out. */
  | { type: 'saveStarted' }
  /** A save wrote the edits, from the editor or the conflict dialog. */
  | { type: 'saved'; editsKept: boolean }
  | { type: 'saveFailed'; error: AppError }
  /** The save met a 412 or a 404, which the conflict dialog takes over. */
  | { type: 'conflictOpened'; edits: DatasetFormValues }
  /** Review changes: the conflict dialog opens before any save was refused. */
  | { type: 'reviewOpened'; edits: DatasetFormValues }
  /** The conflict dialog closed with the edits kept; `cause` says why nothing was saved. */
  | { type: 'keptEditing'; cause: AppError }
  /** The Reload button: with edits there is something to lose, so it asks first. */
  | { type: 'reloadAsked'; dirty: boolean }
  /** The user chose to drop the edits and reload: in the question, or either dialog. */
  | { type: 'reloadConfirmed' }
  | { type: 'reloaded' }
  | { type: 'reloadFailed'; error: AppError }
  | { type: 'deleteAsked' }
  /** The reload question or the delete dialog closed without doing anything. */
  | { type: 'dialogClosed' }
  /** Discard changes: the form shows the base again. */
  | { type: 'discarded' }
  /** A colleague's version arrived with nothing to lose, and the form shows it. */
  | { type: 'serviceVersionShown' }
  | { type: 'noticeDismissed' };

const IDLE: EditorStep = { kind: 'idle' };

/** A fresh editor; one opened on a dataset registered a moment ago says it is saved. */
export function initialEditorState(justCreated: boolean): EditorState {
  return { step: IDLE, outcome: justCreated ? { kind: 'saved' } : null };
}

/**
 * The next state. An event that does not apply to the current step (Save while a save runs,
 * Reload during a merge) is ignored: the very same state comes back, and the editor takes
 * that to mean "do not start it".
 */
export function editorReducer(state: EditorState, event: EditorEvent): EditorState {
  const { step } = state;
  switch (event.type) {
    case 'saveStarted':
      return step.kind === 'idle' ? { step: { kind: 'saving' }, outcome: null } : state;
    case 'saved':
      if (step.kind !== 'saving' && step.kind !== 'conflict') return state;
      return { step: IDLE, outcome: { kind: event.editsKept ? 'savedWithEdits' : 'saved' } };
    case 'saveFailed':
      if (step.kind !== 'saving') return state;
      return { step: IDLE, outcome: { kind: 'failed', error: event.error } };
    case 'conflictOpened':
      if (step.kind !== 'saving') return state;
      return { step: { kind: 'conflict', edits: event.edits, reviewing: false }, outcome: null };
    case 'reviewOpened':
      if (step.kind !== 'idle') return state;
      return { ...state, step: { kind: 'conflict', edits: event.edits, reviewing: true } };
    case 'keptEditing': {
      if (step.kind !== 'conflict') return state;
      if (step.reviewing) return { ...state, step: IDLE };
      const { cause } = event;
      const outcome: EditorOutcome =
        cause.kind === 'conflict'
          ? { kind: 'conflict', error: cause }
          : { kind: 'failed', error: cause };
      return { step: IDLE, outcome };
    }
    case 'reloadAsked':
      if (step.kind !== 'idle') return state;
      return event.dirty
        ? { ...state, step: { kind: 'confirmingReload' } }
        : { step: { kind: 'reloading' }, outcome: null };
    case 'reloadConfirmed':
      if (step.kind === 'idle' || step.kind === 'saving' || step.kind === 'reloading') {
        return state;
      }
      return { step: { kind: 'reloading' }, outcome: null };
    case 'reloaded':
      return step.kind === 'reloading' ? { ...state, step: IDLE } : state;
    case 'reloadFailed':
      if (step.kind !== 'reloading') return state;
      return { step: IDLE, outcome: { kind: 'reloadFailed', error: event.error } };
    case 'deleteAsked':
      return step.kind === 'idle' ? { ...state, step: { kind: 'deleting' } } : state;
    case 'dialogClosed':
      if (step.kind !== 'confirmingReload' && step.kind !== 'deleting') return state;
      return { ...state, step: IDLE };
    case 'discarded':
      return step.kind === 'idle' ? { ...state, outcome: null } : state;
    case 'serviceVersionShown':
      // A save, reload or merge moves the base itself when it ends.
      if (holdsBase(state)) return state;
      return { ...state, outcome: { kind: 'changedOnService' } };
    case 'noticeDismissed':
      return state.outcome?.kind === 'changedOnService' ? { ...state, outcome: null } : state;
  }
}

/** A request runs: Save, Discard, Reload and Delete wait for it. */
export function isBusy(state: EditorState): boolean {
  return state.step.kind === 'saving' || state.step.kind === 'reloading';
}

/**
 * A save, a reload or the conflict dialog will set the base when it ends, so a newer version
 * read meanwhile is left to it (newer-version).
 */
export function holdsBase(state: EditorState): boolean {
  return isBusy(state) || state.step.kind === 'conflict';
}

/** The status line: "Saved" only while it is all saved; it does not hide edits typed on. */
export function savedStatus(outcome: EditorOutcome | null, dirty: boolean): string | null {
  if (outcome?.kind !== 'saved' && outcome?.kind !== 'savedWithEdits') return null;
  if (!dirty) return 'Saved';
  // Beside "Unsaved changes": what was sent is saved, what was typed meanwhile is not.
  return outcome.kind === 'savedWithEdits' ? 'Earlier edits saved' : null;
}
