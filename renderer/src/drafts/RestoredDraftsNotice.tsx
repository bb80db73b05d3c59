import type { ConnectionSummary } from '../../../shared/ipc/contract';
import { DismissibleNotices } from '../components/common/DismissibleNotices';
import type { Notice } from '../components/common/DismissibleNotices';
import { useRestoredDrafts } from './restored-drafts';
import type { DraftRef } from './restored-drafts';

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
  const restored = useRestoredDrafts();
  const waiting = describe(restored.data?.drafts ?? [], connections);
  const unreadable = describe(restored.data?.unreadable ?? [], connections);
  const notices: Notice[] = [];
  if (waiting.length > 0) {
    notices.push({
      id: 'restored',
      intent: 'info',
      text: `Restored unsaved edits from your last session: ${waiting.join(', ')}. Open ${waiting.length === 1 ? 'it' : 'them'} to carry on editing, then save or discard.`,
    });
  }
  if (unreadable.length > 0) {
    notices.push({
      id: 'unreadable',
      intent: 'warning',
      text: `Unsaved edits from your last session could not be read and were dropped: ${unreadable.join(', ')}.`,
    });
  }
  return <DismissibleNotices notices={notices} />;
}
