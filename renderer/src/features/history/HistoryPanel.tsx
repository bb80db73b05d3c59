import { Badge, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, BranchCompareRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import type { HistoryVersion } from '../../../../shared/history/history-contract';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import { toAppError } from '../../api/app-error';
import { ErrorAlert } from '../../components/common/ErrorAlert';
import { absoluteTime, timeWithZone } from '../../format/time';
import { SOURCE_WORDS, tokenNoteOnRestore } from './history-words';
import { useDatasetHistory } from './use-dataset-history';
import { VersionComparison } from './VersionComparison';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0, color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  facts: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flexGrow: 1,
    minWidth: '220px',
  },
  when: {
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  eTag: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  note: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    flexBasis: '100%',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface HistoryPanelProps {
  connection: ConnectionSummary;
  /** The version the editor loaded: what Save is checked against. */
  loaded: RedactedDataset;
  onRestore: (version: HistoryVersion) => void;
}

/** The other side a Compare starts with: the version in the editor, else the one before. */
function defaultOther(versions: HistoryVersion[], picked: HistoryVersion, loaded: RedactedDataset) {
  const inEditor = versions.find((v) => v.eTag === loaded.eTag && v.versionId !== picked.versionId);
  if (inEditor) return inEditor;
  const at = versions.indexOf(picked);
  return versions[at + 1] ?? versions[at - 1];
}

/** The editor's History tab: every version the app has seen of this dataset, newest first. */
export function HistoryPanel({ connection, loaded, onRestore }: HistoryPanelProps) {
  const styles = useStyles();
  const query = useDatasetHistory(connection.id, loaded.name, loaded.eTag);
  const [comparing, setComparing] = useState<{ picked: string; other: string | undefined } | null>(
    null,
  );
  const backTo = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const introId = useId();

  useEffect(() => {
    if (comparing || backTo.current === null) return;
    const id = backTo.current;
    backTo.current = null;
    listRef.current
      ?.querySelector<HTMLButtonElement>(`[data-compare="${CSS.escape(id)}"]`)
      ?.focus();
  }, [comparing]);

  if (!query.data) {
    return query.isError ? (
      <ErrorAlert
        error={toAppError(query.error)}
        title="Could not read the history"
        onRetry={() => void query.refetch()}
        connection={connection}
      />
    ) : (
      <Spinner size="small" label="Reading the history…" />
    );
  }
  const versions = query.data;
  const byId = (id: string | undefined) => versions.find((v) => v.versionId === id);
  const picked = comparing && byId(comparing.picked);
  if (comparing && picked) {
    return (
      <VersionComparison
        versions={versions}
        picked={picked}
        other={byId(comparing.other)}
        onPickOther={(other) => setComparing({ ...comparing, other })}
        onBack={() => {
          backTo.current = picked.versionId;
          setComparing(null);
        }}
      />
    );
  }

  return (
    <div className={styles.panel}>
      <p id={introId} className={styles.intro}>
        Every version of “{loaded.name}” this app has read, saved or deleted, newest first. SAS
        tokens are never kept, only whether one changed.
      </p>
      {versions.length === 0 ? (
        <p>No versions are kept yet.</p>
      ) : (
        <ol
          ref={listRef}
          className={styles.list}
          aria-label="Versions, newest first"
          aria-describedby={introId}
        >
          {versions.map((version) => {
            const inEditor = version.eTag === loaded.eTag && version.source !== 'beforeDelete';
            const note = tokenNoteOnRestore(version.dataset, loaded);
            const whenId = `history-when-${version.versionId}`;
            return (
              <li key={version.versionId} className={styles.item}>
                <div className={styles.facts}>
                  <span id={whenId} className={styles.when}>
                    <time dateTime={version.seenAt} title={timeWithZone(version.seenAt)}>
                      {absoluteTime(version.seenAt)}
                    </time>
                    {inEditor ? (
                      <Badge appearance="tint" color="informative">
                        In the editor
                      </Badge>
                    ) : null}
                  </span>
                  <span className={styles.detail}>{SOURCE_WORDS[version.source]}</span>
                  {version.eTag ? (
                    <span className={styles.detail}>
                      ETag <span className={styles.eTag}>{version.eTag}</span>
                    </span>
                  ) : null}
                </div>
                <div className={styles.actions}>
                  <Button
                    icon={<BranchCompareRegular />}
                    aria-describedby={whenId}
                    data-compare={version.versionId}
                    disabled={versions.length < 2}
                    onClick={() =>
                      setComparing({
                        picked: version.versionId,
                        other: defaultOther(versions, version, loaded)?.versionId,
                      })
                    }
                  >
                    Compare
                  </Button>
                  <Button
                    icon={<ArrowUndoRegular />}
                    aria-describedby={whenId}
                    onClick={() => onRestore(version)}
                  >
                    Restore this version
                  </Button>
                </div>
                {note ? <span className={styles.note}>{note}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
