import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { folderUrlOf, parseCocoUrlBase } from '../../../../shared/coco/coco-url-base';
import type { FixGroup, NotFixedGroup } from '../../../../shared/coco/fixed-copy';
import type { AnnotationKind } from '../../../../shared/contract/dataset';
import { CopyButton } from '../../components/common/CopyButton';
import { ErrorAlert } from '../../components/common/ErrorAlert';
import { formatBytes } from '../../format/bytes';
import { plural } from '../../format/labels';
import { useReturnFocus } from '../../hooks/use-return-focus';
import type { AccessChoice } from '../annotation-check/check-access';
import { useFixedCopy } from './use-fixed-copy';

const useStyles = makeStyles({
  surface: { width: 'min(720px, calc(100vw - 32px))', maxWidth: 'none', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  options: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  line: { margin: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  groups: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  examples: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  location: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalXS },
  reason: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  uri: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  uriText: { overflowWrap: 'anywhere', minWidth: 0 },
  actions: { flexWrap: 'wrap' },
});

export interface FixedCopyDialogProps {
  /** The checked file: its URI without a query string, and its name. */
  file: { uri: string; name: string };
  kind: AnnotationKind;
  owner: { connectionId: string; datasetName: string | null };
  /** The check found coco_url problems: the images' folder is asked for. */
  needsBaseUrl: boolean;
  /** A managed identity: the app reads only with a SAS typed here. */
  needsToken: boolean;
  /** The form's access now, with a token typed in this dialog for a managed identity. */
  accessFor: (typedToken: string) => AccessChoice;
  /** Puts the URI in the file's row; false when the form no longer lists the file. */
  onUseUri: (uri: string) => boolean;
  onClose: () => void;
}

/**
 * `Create fixed copy`: what a fixed copy of the file changes (counts, a few examples, what it
 * cannot fix and why), then `Upload as NAME.fixed.json` beside the original (when the SAS may
 * write; never over an existing blob) or `Save to disk`. After an upload, `Use this URI in the
 * form` puts the copy in the file's row; the dataset changes only with the editor's Save.
 */
export function FixedCopyDialogView({
  file,
  kind,
  owner,
  needsBaseUrl,
  needsToken,
  accessFor,
  onUseUri,
  onClose,
}: FixedCopyDialogProps) {
  useReturnFocus();
  const styles = useStyles();
  const reasonId = useId('upload-reason-');
  const { state, prepare, upload, save } = useFixedCopy();
  const [baseUrl, setBaseUrl] = useState(() => folderUrlOf(file.uri));
  const [token, setToken] = useState('');
  const [used, setUsed] = useState<'used' | 'missing' | null>(null);
  const base = needsBaseUrl ? parseCocoUrlBase(baseUrl) : null;
  const access = accessFor(token);
  const blocker =
    'problem' in access
      ? access.problem
      : needsToken && token.trim() === ''
        ? 'Type a SAS token with Read (r) permission first.'
        : null;

  const run = () => {
    if (!('access' in access) || (base && !base.ok) || blocker !== null) return;
    setUsed(null);
    void prepare({
      ...owner,
      access: access.access,
      uri: file.uri,
      kind,
      ...(base?.ok && { cocoUrlBase: base.base }),
    });
  };

  // Prepared at once with what the form and the prefilled folder say; another base URL (or a
  // typed token) prepares it again.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || needsToken) return;
    started.current = true;
    run();
  });
  // The upload's button gives way to `Use this URI in the form`: focus follows.
  const useButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.uploadedUri) useButton.current?.focus();
  }, [state.uploadedUri]);

  const { prepared, error } = state;
  const nothingToFix = prepared !== null && prepared.summary.changes === 0;
  const busy = state.preparing || state.uploading || state.saving;

  return (
    <Dialog
      open
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{`Create fixed copy of ${file.name}`}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.line}>
              A fixed copy makes boxes in pixels relative to their image, renumbers ids 1..N with
              every reference, and builds a missing coco_url from a base URL. The original file is
              never changed.
            </p>
            {needsToken ? (
              <Field
                label="SAS token for this copy"
                hint="The service reads with its managed identity, which this app does not have. A SAS typed here (Read, and Create or Write to upload) is used for this copy only and is not saved."
              >
                <Input
                  type="password"
                  value={token}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(_event, data) => setToken(data.value)}
                />
              </Field>
            ) : null}
            {needsBaseUrl || needsToken ? (
              <div className={styles.options}>
                {needsBaseUrl ? (
                  <Field
                    className={styles.grow}
                    label="Base URL for coco_url"
                    validationMessage={base && !base.ok ? base.message : undefined}
                    hint={
                      base && !base.ok
                        ? undefined
                        : 'The folder the images are in: a missing or relative coco_url becomes this address plus the image’s file_name. No SAS token.'
                    }
                  >
                    <Input
                      value={baseUrl}
                      spellCheck={false}
                      autoComplete="off"
                      onChange={(_event, data) => setBaseUrl(data.value)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') {
                          event.preventDefault();
                          run();
                        }
                      }}
                    />
                  </Field>
                ) : null}
                <Button
                  disabledFocusable={busy || (base !== null && !base.ok) || blocker !== null}
                  onClick={run}
                >
                  {prepared || error ? 'Prepare again' : 'Prepare fixed copy'}
                </Button>
              </div>
            ) : null}
            {blocker !== null && !needsToken ? (
              <MessageBar intent="warning">
                <MessageBarBody>{blocker}</MessageBarBody>
              </MessageBar>
            ) : null}
            {state.preparing ? (
              <Spinner
                size="tiny"
                label={`Reading ${file.name} and fixing it…`}
                labelPosition="after"
              />
            ) : null}
            {error ? (
              <ErrorAlert
                error={error.error}
                title={
                  error.action === 'prepare'
                    ? 'The fixed copy could not be made'
                    : error.action === 'upload'
                      ? 'The fixed copy was not uploaded'
                      : 'The fixed copy could not be saved'
                }
              />
            ) : null}
            {prepared ? (
              <section aria-label="What changes" className={styles.content}>
                <p className={styles.line} role="status">
                  {nothingToFix
                    ? `Nothing in ${file.name} can be fixed this way.`
                    : `${plural(prepared.summary.changes, 'value')} change in the copy (${formatBytes(prepared.bytes)}).`}
                </p>
                {prepared.summary.fixed.length > 0 ? (
                  <ul className={styles.groups} aria-label="Fixed">
                    {prepared.summary.fixed.map((group) => (
                      <FixedGroup key={group.kind} group={group} />
                    ))}
                  </ul>
                ) : null}
                {prepared.summary.notFixed.length > 0 ? (
                  <>
                    <h3 className={styles.heading}>Not fixed</h3>
                    <ul className={styles.groups} aria-label="Not fixed">
                      {prepared.summary.notFixed.map((group) => (
                        <NotFixed key={group.kind} group={group} />
                      ))}
                    </ul>
                  </>
                ) : null}
              </section>
            ) : null}
            {state.uploadedUri ? (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{`Uploaded as ${prepared?.fixedName ?? ''}`}</MessageBarTitle>
                  <span className={styles.uri}>
                    <span className={styles.uriText}>{state.uploadedUri}</span>
                    <CopyButton what="fixed copy's URI" text={state.uploadedUri} />
                  </span>
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <p className={styles.reason} role="status">
              {used === 'used'
                ? `The form now lists ${prepared?.fixedName ?? 'the fixed copy'} instead of ${file.name}. Save the dataset to keep it.`
                : used === 'missing'
                  ? `The form no longer lists ${file.name}; copy the URI above into a row yourself.`
                  : state.savedAs
                    ? `${state.savedAs} was handed to your browser to save.`
                    : ''}
            </p>
            {prepared && !prepared.canUpload && !nothingToFix ? (
              <p id={reasonId} className={styles.reason}>
                {prepared.uploadBlockedReason}
              </p>
            ) : null}
          </DialogContent>
          <DialogActions fluid className={styles.actions}>
            {prepared && !nothingToFix && state.uploadedUri ? (
              <Button
                ref={useButton}
                appearance="primary"
                disabledFocusable={used === 'used'}
                onClick={() => setUsed(onUseUri(state.uploadedUri!) ? 'used' : 'missing')}
              >
                Use this URI in the form
              </Button>
            ) : null}
            {prepared && !nothingToFix && !state.uploadedUri ? (
              <Button
                appearance="primary"
                icon={<ArrowUploadRegular />}
                disabledFocusable={!prepared.canUpload || busy}
                aria-describedby={!prepared.canUpload ? reasonId : undefined}
                onClick={() => void upload()}
              >
                {`Upload as ${prepared.fixedName}`}
              </Button>
            ) : null}
            {prepared && !nothingToFix ? (
              <Button
                icon={<ArrowDownloadRegular />}
                disabledFocusable={state.saving || state.preparing}
                onClick={() => void save()}
              >
                Save to disk
              </Button>
            ) : null}
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function FixedGroup({ group }: { group: FixGroup }) {
  const styles = useStyles();
  const references =
    group.references > 0 ? `, ${plural(group.references, 'reference')} updated` : '';
  return (
    <li>
      <span>{`${group.title}: ${group.count.toLocaleString()}${references}`}</span>
      <ul className={styles.examples}>
        {group.examples.map((example) => (
          <li key={example.location}>
            <code className={styles.location}>{example.location}</code>{' '}
            {`${example.before} → ${example.after}`}
          </li>
        ))}
      </ul>
    </li>
  );
}

function NotFixed({ group }: { group: NotFixedGroup }) {
  const styles = useStyles();
  return (
    <li>
      <span>{`${group.title}: ${plural(group.count, 'place')} left as they are`}</span>
      <ul className={styles.examples}>
        {group.examples.map((example) => (
          <li key={example.location}>
            <code className={styles.location}>{example.location}</code> {example.reason}
          </li>
        ))}
      </ul>
    </li>
  );
}
