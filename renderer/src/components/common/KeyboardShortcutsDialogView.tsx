import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useReturnFocus } from '../../hooks/use-return-focus';
import { SHORTCUTS, describeCombo } from '../../keyboard/shortcuts';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  keys: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  kbd: {
    fontFamily: tokens.fontFamilyMonospace,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

export interface KeyboardShortcutsDialogProps {
  onClose: () => void;
}

/** Every shortcut, straight from the table the handlers match keys with. */
export function KeyboardShortcutsDialogView({ onClose }: KeyboardShortcutsDialogProps) {
  const styles = useStyles();
  useReturnFocus();
  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogContent>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>
                    Action
                  </th>
                  <th scope="col" className={styles.cell}>
                    Keys
                  </th>
                </tr>
              </thead>
              <tbody>
                {SHORTCUTS.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className={styles.cell}>
                      {s.action}
                    </th>
                    <td className={styles.cell}>
                      <span className={styles.keys}>
                        {s.combos.map((combo) => {
                          const keys = describeCombo(combo);
                          return (
                            <kbd key={keys} className={styles.kbd}>
                              {keys}
                            </kbd>
                          );
                        })}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
