import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  ActivityStatusFilter,
  ActivitySummary,
  CodeLanguage,
} from '../../../../shared/activity/activity-types';
import { useApi } from '../../api/api-context';
import { call, toAppError } from '../../api/app-error';
import { ErrorAlert } from '../../components/common/ErrorAlert';
import { useReturnFocus } from '../../hooks/use-return-focus';
import { LANGUAGE_LABELS, copyCode } from './copy-code';

/** While open, the log is read again this often: requests keep coming (checks, lists). */
const REFRESH_MS = 2_000;
/** Rows shown at once: enough to scroll through, few enough to read again every refresh. */
const SHOWN = 200;

const STATUS_LABELS: Record<ActivityStatusFilter, string> = {
  all: 'All',
  failed: 'Failed',
  '2xx': '2xx',
  '4xx': '4xx',
  '5xx': '5xx',
};

const useStyles = makeStyles({
  surface: { width: 'min(1100px, calc(100vw - 32px))', maxWidth: 'calc(100vw - 32px)' },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalS,
  },
  select: { minWidth: '140px' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  path: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', minWidth: '12em' },
  id: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  copy: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXS,
    alignItems: 'center',
    whiteSpace: 'nowrap',
  },
  said: { minHeight: '1.4em' },
});

function statusText(entry: ActivitySummary): string {
  const status = entry.status === undefined ? (entry.failure ?? 'no answer') : String(entry.status);
  return entry.errorCode ? `${status} ${entry.errorCode}` : status;
}

function failed(entry: ActivitySummary): boolean {
  return entry.status === undefined || entry.status >= 400;
}

interface ActivityDialogProps {
  onClose: () => void;
}

/** The `Activity` view: every request the app made, newest first, each copyable as code. */
export function ActivityDialog({ onClose }: ActivityDialogProps) {
  const styles = useStyles();
  const api = useApi();
  useReturnFocus();
  const [status, setStatus] = useState<ActivityStatusFilter>('all');
  const [dataset, setDataset] = useState('');
  const [said, setSaid] = useState('');
  const log = useQuery({
    queryKey: ['activity', status, dataset],
    queryFn: () =>
      call(api.listActivity({ filters: { status, ...(dataset && { dataset }) }, limit: SHOWN })),
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
  });

  const copy = async (entry: ActivitySummary, language: CodeLanguage) => {
    const outcome = await copyCode(api.activityCode({ entryId: entry.id, language }));
    setSaid(
      outcome.copied
        ? `Copied the ${entry.method} request as ${LANGUAGE_LABELS[language]}.`
        : outcome.message,
    );
  };

  const datasets = log.data?.datasets ?? [];
  const entries = log.data?.entries ?? [];
  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Activity</DialogTitle>
          <DialogContent>
            <Caption1 as="p">
              The requests the app made, newest first (the last 1,000). Copied code reads the key
              from $AZURE_VISION_KEY and any SAS token from $SAS_TOKEN.
            </Caption1>
            <div className={styles.filters}>
              <Field label="Status">
                <Select
                  className={styles.select}
                  value={status}
                  onChange={(_e, data) => setStatus(data.value as ActivityStatusFilter)}
                >
                  {Object.entries(STATUS_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Dataset">
                <Select
                  className={styles.select}
                  value={dataset}
                  onChange={(_e, data) => setDataset(data.value)}
                >
                  <option value="">All datasets</option>
                  {datasets.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Caption1 role="status" className={styles.said}>
                {said}
              </Caption1>
            </div>
            {log.error ? <ErrorAlert error={toAppError(log.error)} /> : null}
            {log.data && log.data.matched > entries.length ? (
              <Caption1 as="p">
                The newest {entries.length} of {log.data.matched} are shown; filter to see others.
              </Caption1>
            ) : null}
            {log.data && entries.length === 0 ? (
              <p>No requests match.</p>
            ) : (
              <table className={styles.table} aria-label="Requests">
                <thead>
                  <tr>
                    {['Time', 'Method', 'Path', 'Status', 'Duration', 'Request id', 'Copy'].map(
                      (h) => (
                        <th key={h} scope="col" className={styles.cell}>
                          {h}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.id}>
                      <td className={mergeClasses(styles.cell, styles.nowrap)}>
                        <time dateTime={entry.time}>
                          {new Date(entry.time).toLocaleTimeString()}
                        </time>
                      </td>
                      <td className={styles.cell}>{entry.method}</td>
                      <td className={mergeClasses(styles.cell, styles.path)} title={entry.host}>
                        {entry.path}
                      </td>
                      <td className={mergeClasses(styles.cell, failed(entry) && styles.failed)}>
                        {statusText(entry)}
                      </td>
                      <td className={mergeClasses(styles.cell, styles.nowrap)}>
                        {entry.durationMs} ms
                      </td>
                      <td className={mergeClasses(styles.cell, styles.id)}>
                        {entry.requestId ?? '—'}
                      </td>
                      <td className={styles.cell}>
                        <span className={styles.copy}>
                          <Button size="small" onClick={() => void copy(entry, 'curl')}>
                            Copy as curl
                          </Button>
                          <Menu>
                            <MenuTrigger disableButtonEnhancement>
                              <MenuButton
                                size="small"
                                appearance="subtle"
                                aria-label={`Other languages for ${entry.method} ${entry.path}`}
                              />
                            </MenuTrigger>
                            <MenuPopover>
                              <MenuList>
                                <MenuItem onClick={() => void copy(entry, 'powershell')}>
                                  Copy as PowerShell
                                </MenuItem>
                                <MenuItem onClick={() => void copy(entry, 'python')}>
                                  Copy as Python
                                </MenuItem>
                              </MenuList>
                            </MenuPopover>
                          </Menu>
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
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
