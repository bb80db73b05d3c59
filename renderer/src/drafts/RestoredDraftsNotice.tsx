import type { ConnectionSummary } from '../../../shared/ipc/contract';
import { DismissibleNotices } from '../components/common/DismissibleNotices';
import type { Notice } from '../components/common/DismissibleNotices';
import { useRestoredDrafts } from './restored-drafts';
import type { DraftRef } from './restored-drafts';

/** "flowers (Local emulator)"; a draft of a connection removed since is not worth naming. */
function describe(
  refs: DraftRef[],
  connections: ConnectionSummary[],
): { ref: DraftRef; label: string }[] {
  return refs.flatMap((ref) => {
    const connection = connections.find((c) => c.id === ref.connectionId);
    if (!connection) return [];
    return [{ ref, label: `${ref.datasetName ?? 'a new dataset'} (${connection.name})` }];
  });
}

/** Which edits from the last session are back, each a link that opens it; which could not be. */
export function RestoredDraftsNotice({
  connections,
  onOpen,
}: {
  connections: ConnectionSummary[];
  onOpen: (ref: DraftRef) => void;
}) {
  const restored = useRestoredDrafts();
  const waiting = describe(restored.data?.drafts ?? [], connections);
  const unreadable = describe(restored.data?.unreadable ?? [], connections);
  const notices: Notice[] = [];
  if (waiting.length > 0) {
    notices.push({
      id: 'restored',
      intent: 'info',
      text: `Restored unsaved edits from your last session; open ${waiting.length === 1 ? 'it' : 'each'} to carry on editing, then save or discard:`,
      links: waiting.map(({ ref, label }) => ({ label, onClick: () => onOpen(ref) })),
    });
  }
  if (unreadable.length > 0) {
    notices.push({
      id: 'unreadable',
      intent: 'warning',
      text: `Unsaved edits from your last session could not be read and were dropped: ${unreadable.map((u) => u.label).join(', ')}.`,
    });
  }
  return <DismissibleNotices label="Restored drafts" notices={notices} />;
}
