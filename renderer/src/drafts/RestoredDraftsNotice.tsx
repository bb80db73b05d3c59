import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConnectionSummary } from '../../../shared/ipc/contract';
import { useRestoredDrafts } from './restored-drafts';
import type { DraftRef } from './restored-drafts';

const useStyles = makeStyles({
  notices: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** "flowers (Local emulator)"; a draft of a connection removed since is not worth naming. */
function describe(refs: DraftRef[], connections: ConnectionSummary[]): string[] {
  return refs.flatMap((ref) => {
    const connection = connections.find((c) => c.id === ref.connectionId);
    if (!connection) return [];
    return [`${ref.datasetName ?? 'a new dataset'} (${connection.name})`];
  });
}

/** Which edits from the last session are back, and which could not be. */
export function RestoredDraftsNotice({ connections }: { connections: ConnectionSummary[] }) {
  const styles = useStyles();
  const restored = useRestoredDrafts();
  const [dismissed, setDismissed] = useState<ReadonlySet<'restored' | 'unreadable'>>(new Set());
  const waiting = describe(restored.data?.drafts ?? [], connections);
  const unreadable = describe(restored.data?.unreadable ?? [], connections);
  const notices = [
    ...(waiting.length > 0 && !dismissed.has('restored')
      ? [
          {
            id: 'restored' as const,
            intent: 'info' as const,
            text: `Restored unsaved edits from your last session: ${waiting.join(', ')}. Open ${waiting.length === 1 ? 'it' : 'them'} to carry on editing, then save or discard.`,
          },
        ]
      : []),
    ...(unreadable.length > 0 && !dismissed.has('unreadable')
      ? [
          {
            id: 'unreadable' as const,
            intent: 'warning' as const,
            text: `Unsaved edits from your last session could not be read and were dropped: ${unreadable.join(', ')}.`,
          },
        ]
      : []),
  ];
  if (notices.length === 0) return null;
  return (
    <div className={styles.notices}>
      {notices.map((notice) => (
        <MessageBar key={notice.id} intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={() => setDismissed((before) => new Set(before).add(notice.id))}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
