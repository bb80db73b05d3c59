import {
  Body1,
  Button,
  Caption1,
  ProgressBar,
  SearchBox,
  Spinner,
  Tooltip,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, DocumentTableRegular } from '@fluentui/react-icons';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import { toAppError } from '../../api/app-error';
import { plural } from '../../format/labels';
import { CheckAllResult, CheckAllTools } from '../../features/check-all/CheckAllParts';
import { BulkEditDialog } from '../../features/bulk-edit/BulkEditParts';
import { useRowSelection } from '../../features/bulk-edit/row-selection';
import { useDatasetList } from '../../hooks/use-dataset-list';
import { useShortcut } from '../../hooks/use-shortcut';
import { ErrorAlert } from '../common/ErrorAlert';
import { Pane } from '../layout/Pane';
import { DatasetGrid } from './DatasetGrid';
import { filterDatasets } from './dataset-order';
import { useFirstRowsMark } from './listing-marks';

const useStyles = makeStyles({
  // The pane's width follows the window and whether Connections is folded, so its toolbar
  // answers to the pane's width, not the viewport's.
  pane: {
    backgroundColor: tokens.colorNeutralBackground1,
    containerType: 'inline-size',
    containerName: 'dm-datasets',
  },
  context: {
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  count: { marginLeft: 'auto', color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`,
  },
  // A zero basis: the box's width never depends on what is typed (its clear button appearing),
  // so the buttons beside it stay put.
  search: {
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: 0,
    minWidth: 0,
    maxWidth: 'none',
    '@container dm-datasets (max-width: 359px)': { flexBasis: '100%' },
  },
  fixed: { flexShrink: 0, whiteSpace: 'nowrap' },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
    color: tokens.colorNeutralForeground3,
  },
  alert: { margin: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}` },
  centre: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
  },
  emptyIcon: { fontSize: '40px', color: tokens.colorNeutralForeground4 },
  emptyTitle: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface DatasetsPaneProps {
  connection: ConnectionSummary | undefined;
  selectedName: string | undefined;
  onOpen: (name: string) => void;
  /** Opens a dataset afresh once `prepare` has written what it should open with. */
  onReview: (name: string, prepare: () => Promise<void>) => void;
  onNew: () => void;
}

export function DatasetsPane({
  connection,
  selectedName,
  onOpen,
  onReview,
  onNew,
}: DatasetsPaneProps) {
  const styles = useStyles();
  const titleId = useId('datasets-title');
  const list = useDatasetList(connection?.id);
  const [filter, setFilter] = useState('');
  // Typing stays instant; filtering ten thousand datasets may lag a frame behind.
  const deferredFilter = useDeferredValue(filter.trim().toLowerCase());
  const all = list.data;
  const visible = useMemo(() => filterDatasets(all ?? [], deferredFilter), [all, deferredFilter]);

  useFirstRowsMark(visible.length > 0, all);

  const selection = useRowSelection(connection?.id);
  const [bulkEditOpen, setBulkEditOpen] = useState(false);
  const checkedDatasets = useMemo(
    () => (all ?? []).filter((d) => selection.checked.has(d.name)),
    [all, selection.checked],
  );

  const filterBox = useRef<HTMLInputElement>(null);
  useShortcut('filter', () => filterBox.current?.focus());
  useShortcut('refreshList', () => {
    if (connection) void list.refetch();
  });
  useShortcut('newDataset', () => {
    if (connection) onNew();
  });

  const loading = list.isFetching;
  const loaded = all?.length ?? 0;
  const countText = !all
    ? ''
    : filter.trim() !== ''
      ? `${visible.length.toLocaleString()} of ${plural(loaded, 'dataset')}`
      : plural(loaded, 'dataset');

  return (
    <Pane
      title="Datasets"
      titleId={titleId}
      className={styles.pane}
      headerExtra={
        <>
          {connection ? (
            <Caption1 className={styles.context} title={connection.name}>
              in {connection.name}
            </Caption1>
          ) : null}
          {!loading ? <Caption1 className={styles.count}>{countText}</Caption1> : null}
        </>
      }
    >
      <div className={styles.toolbar}>
        <SearchBox
          ref={filterBox}
          className={styles.search}
          aria-label="Filter datasets"
          placeholder="Filter datasets"
          value={filter}
          onChange={(_event, data) => setFilter(data.value)}
        />
        <Tooltip content="Load the list again from the service" relationship="description">
          <Button
            appearance="subtle"
            icon={<ArrowClockwiseRegular />}
            aria-label="Refresh"
            disabled={!connection}
            onClick={() => void list.refetch()}
          />
        </Tooltip>
        <Button
          className={styles.fixed}
          appearance="primary"
          icon={<AddRegular />}
          disabled={!connection}
          onClick={onNew}
        >
          New dataset
        </Button>
        {connection ? (
          <CheckAllTools key={connection.id} connectionId={connection.id} disabled={loaded === 0} />
        ) : null}
        {checkedDatasets.length > 0 ? (
          // The name stays `Edit selected` whatever the count; the count is its description.
          <Tooltip
            content={`${plural(checkedDatasets.length, 'dataset')} selected`}
            relationship="description"
          >
            <Button className={styles.fixed} onClick={() => setBulkEditOpen(true)}>
              Edit selected<span aria-hidden="true">&nbsp;({checkedDatasets.length})</span>
            </Button>
          </Tooltip>
        ) : null}
      </div>

      {loading && all ? (
        <div className={styles.progress}>
          <ProgressBar thickness="medium" aria-label="Loading datasets" />
          <Caption1 role="status">Loading… {plural(loaded, 'dataset')} so far</Caption1>
        </div>
      ) : null}

      {list.isError ? (
        <div className={styles.alert}>
          <ErrorAlert
            error={toAppError(list.error)}
            title={
              all && loaded > 0 ? 'The list is incomplete' : 'The datasets could not be listed'
            }
            advice={all && loaded > 0 ? `Only ${plural(loaded, 'dataset')} arrived.` : undefined}
            onRetry={() => void list.refetch()}
            connection={connection}
          />
        </div>
      ) : null}

      {list.isPending && list.isFetching ? (
        <div className={styles.centre}>
          <Spinner size="small" label="Loading datasets…" />
        </div>
      ) : all && loaded === 0 && !loading && !list.isError ? (
        <div className={styles.centre}>
          <DocumentTableRegular className={styles.emptyIcon} aria-hidden="true" />
          <Body1 className={styles.emptyTitle}>No datasets yet — New dataset</Body1>
          <Caption1>Register your first COCO annotation files with New dataset.</Caption1>
        </div>
      ) : all && loaded > 0 ? (
        <>
          {visible.length === 0 ? (
            <div className={styles.centre}>
              <Body1>No datasets match “{filter.trim()}”.</Body1>
            </div>
          ) : null}
          {visible.length > 0 ? (
            <DatasetGrid
              datasets={visible}
              selectedName={selectedName}
              onOpen={onOpen}
              selection={selection}
              rowStatus={
                connection
                  ? (name) => <CheckAllResult connectionId={connection.id} name={name} />
                  : undefined
              }
            />
          ) : null}
        </>
      ) : null}
      {bulkEditOpen && connection ? (
        <BulkEditDialog
          key={connection.id}
          connectionId={connection.id}
          datasets={checkedDatasets}
          onReview={onReview}
          onClose={() => setBulkEditOpen(false)}
        />
      ) : null}
    </Pane>
  );
}
