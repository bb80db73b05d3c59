import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import type { HistoryVersion } from '../../../../shared/history/history-contract';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { absoluteTime } from '../../format/time';
import { HistoryPanelOnDemand } from './HistoryPanelOnDemand';
import { restoredFormValues, tokenNoteOnRestore } from './history-words';

const useStyles = makeStyles({
  tabs: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tabList: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type EditorTab = 'dataset' | 'history';

interface DatasetEditorTabsProps {
  connection: ConnectionSummary;
  /** The version the edits apply to: a restore fills the form over it, so Save is a PATCH. */
  base: RedactedDataset;
  /** Whether the form holds unsaved edits: once a restore's edits are saved or discarded, its notice goes. */
  dirty: boolean;
  /** The form: it stays mounted while History is shown, so nothing typed is lost. */
  children: ReactNode;
}

/**
 * The editor's two tabs: the form (`Dataset`) and `History`. Restore this version fills the
 * form with the version's fields and comes back to it; the base stays the loaded dataset, so
 * saving is an ordinary edit with its If-Match and the conflict dialog on a 412.
 */
export function DatasetEditorTabs({ connection, base, dirty, children }: DatasetEditorTabsProps) {
  const styles = useStyles();
  const form = useFormContext<DatasetFormValues>();
  const [tab, setChosenTab] = useState<EditorTab>('dataset');
  // A Save with errors while History is shown brings the form back, its first error focused:
  // History counts as chosen only for Save attempts made after it was chosen.
  const { submitCount, errors } = form.formState;
  const [historyChosenAt, setHistoryChosenAt] = useState(0);
  const [errorShownAt, setErrorShownAt] = useState(0);
  if (tab === 'history' && submitCount > historyChosenAt && Object.keys(errors).length > 0) {
    setChosenTab('dataset');
    setErrorShownAt(submitCount);
  }
  const formBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errorShownAt > 0) {
      formBox.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [errorShownAt]);
  const setTab = (next: EditorTab) => {
    if (next === 'history') setHistoryChosenAt(submitCount);
    setChosenTab(next);
  };
  const [restored, setRestored] = useState<{
    seenAt: string;
    note: string | undefined;
    focus: boolean;
  } | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const id = useId();

  const restoreSeenDirty = useRef(false);

  // Right after a restore only: the user hears what happened, then Tabs on into the form.
  useEffect(() => {
    if (tab === 'dataset' && restored?.focus) notice.current?.focus();
  }, [tab, restored]);
  useEffect(() => {
    if (!restored) return;
    if (dirty) restoreSeenDirty.current = true;
    else if (restoreSeenDirty.current) setRestored(null);
  }, [dirty, restored]);

  const restore = (version: HistoryVersion) => {
    form.reset(restoredFormValues(version.dataset, base), { keepDefaultValues: true });
    restoreSeenDirty.current = false;
    setRestored({
      seenAt: version.seenAt,
      note: tokenNoteOnRestore(version.dataset, base),
      focus: true,
    });
    setTab('dataset');
  };

  return (
    <div className={styles.tabs}>
      <TabList
        className={styles.tabList}
        selectedValue={tab}
        onTabSelect={(_event, data) => {
          setRestored((r) => r && { ...r, focus: false });
          setTab(data.value as EditorTab);
        }}
        aria-label="Dataset views"
      >
        <Tab id={`${id}-dataset`} value="dataset" aria-controls={`${id}-panel`}>
          Dataset
        </Tab>
        <Tab id={`${id}-history`} value="history" aria-controls={`${id}-panel`}>
          History
        </Tab>
      </TabList>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-${tab}`}
        className={styles.panel}
      >
        {tab === 'dataset' && restored ? (
          <MessageBar intent="info" ref={notice} tabIndex={-1}>
            <MessageBarBody>
              <MessageBarTitle>
                Restored the version seen {absoluteTime(restored.seenAt)}
              </MessageBarTitle>
              Its fields are in the form as unsaved changes: Save makes them the current version,
              Discard changes goes back. {restored.note ?? ''}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <div hidden={tab !== 'dataset'} ref={formBox}>
          {children}
        </div>
        {tab === 'history' ? (
          <HistoryPanelOnDemand connection={connection} loaded={base} onRestore={restore} />
        ) : null}
      </div>
    </div>
  );
}
