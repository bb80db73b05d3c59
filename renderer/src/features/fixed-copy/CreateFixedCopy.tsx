import { Button } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { FileCheck } from '../../../../shared/storage/check-contract';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { storageAccessOf } from '../annotation-check/check-access';
import { useAnnotationCheckScope } from '../annotation-check/check-scope';
import { FixedCopyDialog } from './FixedCopyDialog';
import { fixableIn, rowIndexOf } from './fixable';

/**
 * `Create fixed copy` under a checked file whose problems a copy can mend (pixel boxes, ids not
 * 1..N, coco_url with a base URL). The copy is read with the form's access, as the check was;
 * its URI goes into the file's row only when asked, and is saved with the dataset's Save.
 */
export function CreateFixedCopy({ file }: { file: FileCheck }) {
  const scope = useAnnotationCheckScope();
  // Null outside an editor's form: nothing to read with, nowhere to put a URI.
  const form = useFormContext<DatasetFormValues>() as ReturnType<
    typeof useFormContext<DatasetFormValues>
  > | null;
  const [open, setOpen] = useState(false);
  const fixable = fixableIn(file.report);
  if (!scope || !form || !file.report || !fixable.offered) return null;

  const authKind = form.getValues('authKind');
  const accessFor = (typedToken: string) =>
    storageAccessOf(
      { authKind: form.getValues('authKind'), sasToken: form.getValues('sasToken') },
      scope,
      typedToken,
    );
  const useUri = (uri: string) => {
    const rows = form.getValues('uris').map((row) => row.value);
    const index = rowIndexOf(rows, file.uri);
    if (index < 0) return false;
    form.setValue(`uris.${index}.value`, uri, {
      shouldDirty: true,
      shouldTouch: true,
      shouldValidate: true,
    });
    return true;
  };

  return (
    <>
      <div>
        <Button icon={<WrenchRegular />} onClick={() => setOpen(true)}>
          Create fixed copy
        </Button>
      </div>
      {open ? (
        <FixedCopyDialog
          file={{ uri: file.uri, name: file.name }}
          kind={file.report.kind}
          owner={{ connectionId: scope.connectionId, datasetName: scope.datasetName }}
          needsBaseUrl={fixable.needsBaseUrl}
          needsToken={authKind === 'managedIdentity'}
          accessFor={accessFor}
          onUseUri={useUri}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
