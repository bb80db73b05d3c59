import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import { AnnotationUriFields } from './AnnotationUriFields';
import { CustomPropertyFields } from './CustomPropertyFields';
import { DatasetFacts } from './DatasetFacts';
import { GeneralFields } from './GeneralFields';
import { StorageAuthenticationFields } from './StorageAuthenticationFields';

interface DatasetFormSectionsProps {
  /** The dataset as loaded; absent while creating one. */
  base?: RedactedDataset;
  hasSavedSasToken: boolean;
  /** A token typed before a restart is kept with the unsaved edits. */
  keptSasToken?: boolean;
}

/** The editor's fields, the same for a new dataset and an existing one. */
export function DatasetFormSections({
  base,
  hasSavedSasToken,
  keptSasToken,
}: DatasetFormSectionsProps) {
  return (
    <>
      <GeneralFields nameEditable={base === undefined} />
      <AnnotationUriFields />
      <StorageAuthenticationFields
        hasSavedSasToken={hasSavedSasToken}
        keptSasToken={keptSasToken}
        savedSasInsight={base?.authentication?.sasInsight}
      />
      <CustomPropertyFields />
      {base ? <DatasetFacts dataset={base} /> : null}
    </>
  );
}
