import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { DocumentCheckmarkRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { CheckPurpose } from '../../../../shared/coco/report';
import { ChoiceGroup } from '../../components/common/ChoiceGroup';
import { plural } from '../../format/labels';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { BrowseFilesDialog } from '../browse-files/BrowseFilesDialog';
import type { PlacedSelection } from '../browse-files/place-selected';
import { roomForUris } from '../browse-files/place-selected';
import { AnnotationCheckReportOnDemand } from './AnnotationCheckReportOnDemand';
import { storageAccessOf } from './check-access';
import { checkBlocker, isOutdated, urisToCheck } from './check-request';
import type { AnnotationCheckScope } from './check-scope';
import { useAnnotationCheck } from './use-annotation-check';

const useStyles = makeStyles({
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  label: { color: tokens.colorNeutralForeground2 },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  checkSas: { maxWidth: '560px' },
});

const PURPOSES = [
  { value: 'training', label: 'Training' },
  { value: 'evaluation', label: 'Evaluation' },
] as const;

interface AnnotationFileToolsProps {
  scope: AnnotationCheckScope;
  /** Puts files picked in `Browse files` into the URI rows. */
  onAddUris: (uris: string[]) => PlacedSelection;
}

/**
 * Under the URI rows: `Browse files` (the container's blobs, to pick from) and `Check
 * annotation files` (the rules Azure applies, run on the form's URIs with the form's access),
 * with the check's report. The report belongs to this editor: leaving it stops the check.
 */
export function AnnotationFileTools({ scope, onAddUris }: AnnotationFileToolsProps) {
  const styles = useStyles();
  const purposeId = useId('check-purpose-');
  const reasonId = useId('check-reason-');
  const { control } = useFormContext<DatasetFormValues>();
  const [uriRows, authKind, sasToken, kind] = useWatch({
    control,
    name: ['uris', 'authKind', 'sasToken', 'annotationKind'],
  });
  const rows = (uriRows ?? []).map((row) => row.value);
  const [purpose, setPurpose] = useState<CheckPurpose>('training');
  const [everyImage, setEveryImage] = useState(false);
  // A read SAS for a managed identity's files: in this editor's memory only, never in a draft.
  const [checkSasToken, setCheckSasToken] = useState('');
  const [browsing, setBrowsing] = useState(false);
  const [added, setAdded] = useState('');
  const check = useAnnotationCheck();

  const access = storageAccessOf({ authKind, sasToken }, scope, checkSasToken);
  const blocker = checkBlocker(rows) ?? ('problem' in access ? access.problem : null);
  const uris = urisToCheck(rows);

  const startCheck = () => {
    if (blocker !== null || !('access' in access)) return;
    void check.start({
      connectionId: scope.connectionId,
      datasetName: scope.datasetName,
      kind,
      purpose,
      uris,
      access: access.access,
      images: everyImage ? 'all' : 'sample',
    });
  };

  const addBrowsed = (picked: string[]) => {
    const placed = onAddUris(picked);
    const parts = [`${plural(placed.added.length, 'annotation file')} added.`];
    if (placed.alreadyListed.length > 0) {
      parts.push(
        `${plural(placed.alreadyListed.length, 'file was', 'files were')} listed already.`,
      );
    }
    if (placed.leftOut.length > 0) {
      parts.push(`${plural(placed.leftOut.length, 'file')} did not fit; see below the rows.`);
    }
    setAdded(parts.join(' '));
    setBrowsing(false);
  };

  return (
    <div className={styles.tools}>
      <div className={styles.row}>
        <Button
          icon={<FolderOpenRegular />}
          onClick={() => {
            setAdded('');
            setBrowsing(true);
          }}
        >
          Browse files
        </Button>
        <Button
          icon={<DocumentCheckmarkRegular />}
          disabledFocusable={blocker !== null}
          aria-describedby={blocker !== null ? reasonId : undefined}
          onClick={startCheck}
        >
          Check annotation files
        </Button>
        {blocker !== null ? (
          <span id={reasonId} className={styles.reason}>
            {blocker}
          </span>
        ) : null}
      </div>
      <div className={styles.row}>
        <span id={purposeId} className={styles.label}>
          Check for
        </span>
        <ChoiceGroup
          labelledBy={purposeId}
          choices={PURPOSES}
          value={purpose}
          onChange={setPurpose}
        />
        <Checkbox
          label="Check every image"
          checked={everyImage}
          onChange={(_event, data) => setEveryImage(data.checked === true)}
        />
      </div>
      {authKind === 'managedIdentity' ? (
        <Field
          className={styles.checkSas}
          label="Read SAS for this check"
          hint="The service reads the files with its managed identity, which this app does not have. A SAS with read permission typed here is used only to check and browse, and is not saved."
        >
          <Input
            type="password"
            value={checkSasToken}
            autoComplete="off"
            spellCheck={false}
            onChange={(_event, data) => setCheckSasToken(data.value)}
          />
        </Field>
      ) : null}
      <span role="status" className={styles.reason}>
        {added}
      </span>
      {check.run ? (
        <AnnotationCheckReportOnDemand
          run={check.run}
          outdated={isOutdated(check.run.checked, { uris, kind })}
          onCancel={() => void check.cancel()}
        />
      ) : null}
      {browsing ? (
        <BrowseFilesDialog
          owner={scope}
          access={access}
          offersCheckSas={authKind === 'managedIdentity'}
          checkSasToken={checkSasToken}
          onCheckSasTokenChange={setCheckSasToken}
          initialLocation={uris[0] ?? ''}
          room={roomForUris(rows)}
          onAdd={addBrowsed}
          onClose={() => setBrowsing(false)}
        />
      ) : null}
    </div>
  );
}
