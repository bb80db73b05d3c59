import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, SaveRegular } from '@fluentui/react-icons';
import type { MergeFieldId } from '../../../../shared/merge/field-ids';
import type { MergeSide } from '../../../../shared/merge/merge-types';
import { unchosenConflicts } from '../../conflict/conflict-state';
import type { ConflictOpen } from '../../conflict/conflict-state';
import { overwriteDrops } from '../../conflict/overwrite-drops';
import { plural } from '../../format/labels';
import { ErrorAlert } from '../common/ErrorAlert';
import { MergeTable } from './MergeTable';
import { OverwritePrompt } from './OverwritePrompt';
import { useOverwriteQuestion, useSafeChoiceFocus } from './conflict-focus';
import { useReturnFocus } from '../../hooks/use-return-focus';

const useStyles = makeStyles({
  surface: { width: 'min(1080px, calc(100vw - 48px))', maxWidth: 'none' },
  // A margin around the surface too, so a long table never meets the window's edges.
  body: { maxHeight: 'calc(100dvh - 96px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0 },
  summary: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  help: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

export interface ConflictDialogProps {
  state: ConflictOpen;
  onChoose: (field: MergeFieldId, side: MergeSide) => void;
  onSaveMerged: () => void;
  onOverwrite: () => void;
  onReload: () => void;
  onKeepEditing: () => void;
}

/** After a 412: the merge of yours and theirs, a pick per conflict, and the ways out. */
export function ConflictDialogView({
  state,
  onChoose,
  onSaveMerged,
  onOverwrite,
  onReload,
  onKeepEditing,
}: ConflictDialogProps) {
  const styles = useStyles();
  useReturnFocus();
  const statusId = useId('conflict-status-');
  const { outcome, busy } = state;
  const conflicts = outcome.conflicts.length;
  const pending = unchosenConflicts(state).length;
  const spinner = <Spinner size="tiny" />;
  const safeChoiceRef = useSafeChoiceFocus(state.round);
  const { buttonRef: overwriteRef, ...overwrite } = useOverwriteQuestion(onOverwrite);

  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) onKeepEditing();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody className={styles.body}>
          <DialogTitle>Conflict: “{state.base.name}” changed while you were editing</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.intro}>
              Someone else saved this dataset after you opened it. Changes to different fields merge
              on their own;{' '}
              {conflicts > 0
                ? 'where you both changed the same field, keep yours or take theirs.'
                : 'none of yours and theirs collide.'}
            </p>
            {state.round > 1 ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  It changed again while this was open, so theirs below is the newest version.
                  {state.droppedChoices > 0
                    ? ` ${plural(state.droppedChoices, 'choice')} no longer applied and must be made again.`
                    : ' Your choices still apply and are kept.'}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <div className={styles.summary}>
              <Badge
                id={statusId}
                appearance="tint"
                color={pending > 0 ? 'warning' : 'success'}
                size="large"
              >
                {conflicts === 0
                  ? 'No conflicts'
                  : pending > 0
                    ? `${plural(pending, 'conflict')} to resolve`
                    : 'Every conflict resolved'}
              </Badge>
              <span>{plural(outcome.rows.length, 'field')} changed</span>
            </div>
            <MergeTable outcome={outcome} choices={state.choices} onChoose={onChoose} />
            <p className={styles.help}>
              Save merged writes the Result column. Overwrite with mine writes your version of every
              field over theirs. Reload takes theirs and drops your edits.
            </p>
            {state.error ? <ErrorAlert error={state.error} title="Not saved" /> : null}
          </DialogContent>
          <DialogActions position="start">
            <Button
              disabled={busy !== null}
              icon={busy === 'overwrite' ? spinner : undefined}
              ref={overwriteRef}
              onClick={overwrite.ask}
            >
              Overwrite with mine
            </Button>
            <Button disabled={busy !== null} icon={<ArrowClockwiseRegular />} onClick={onReload}>
              Reload
            </Button>
          </DialogActions>
          <DialogActions position="end">
            <Button
              disabled={busy !== null}
              ref={pending > 0 ? safeChoiceRef : undefined}
              onClick={onKeepEditing}
            >
              Keep editing
            </Button>
            <Button
              appearance="primary"
              disabled={pending > 0 || busy !== null}
              aria-describedby={statusId}
              ref={pending === 0 ? safeChoiceRef : undefined}
              icon={busy === 'saveMerged' ? spinner : <SaveRegular />}
              onClick={onSaveMerged}
            >
              Save merged
            </Button>
          </DialogActions>
        </DialogBody>
        {overwrite.asking ? (
          <OverwritePrompt
            dropped={overwriteDrops(state)}
            loaded={outcome.base.authentication}
            onCancel={overwrite.cancel}
            onOverwrite={overwrite.confirm}
          />
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}
