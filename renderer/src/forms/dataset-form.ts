import { z } from 'zod';
import {
  ANNOTATION_KINDS,
  AUTHENTICATION_KINDS,
  DatasetNameSchema,
  SasTokenSchema,
} from '../../../shared/contract/dataset';
import {
  AppAnnotationFileUriSchema,
  AppAnnotationFileUrisSchema,
  AppCustomPropertiesSchema,
  duplicateUriMessage,
  duplicateUriRows,
  propertyNameProblem,
} from '../../../shared/contract/input-rules';
import type {
  AnnotationKind,
  AuthenticationKind,
  DatasetFields,
  StorageAuthentication,
} from '../../../shared/contract/dataset';
import { diffDatasetFields } from '../../../shared/contract/dataset-diff';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { firstProblem, listProblem } from './schema-messages';

/**
 * The editor's form. Lists hold objects because react-hook-form's field arrays need them;
 * `sasToken` is write-only: empty means "keep the token the service has".
 */
export interface DatasetFormValues {
  name: string;
  annotationKind: AnnotationKind;
  uris: { value: string }[];
  authKind: AuthenticationKind;
  sasToken: string;
  properties: { name: string; value: string }[];
}

export interface DatasetFormRules {
  mode: 'create' | 'edit';
  /** The loaded dataset already uses a SAS token, so an empty box keeps it. */
  hasSavedSasToken: boolean;
}

export function savedSasTokenOf(base: RedactedDataset | undefined): boolean {
  return base?.authentication?.kind === 'sas' && base.authentication.hasSasToken;
}

export const EMPTY_DATASET_FORM: DatasetFormValues = {
  name: '',
  annotationKind: 'imageClassification',
  uris: [{ value: '' }],
  authKind: 'none',
  sasToken: '',
  properties: [],
};

export function toFormValues(dataset: RedactedDataset): DatasetFormValues {
  return {
    name: dataset.name,
    annotationKind: dataset.annotationKind,
    uris: dataset.annotationFileUris.map((value) => ({ value })),
    authKind: dataset.authentication?.kind ?? 'none',
    sasToken: '',
    properties: Object.entries(dataset.customProperties ?? {}).map(([name, value]) => ({
      name,
      value,
    })),
  };
}

/**
 * The form's rules are the shared schemas' rules (the app's stricter ones, which IPC applies
 * too), applied field by field so each message lands next to the box it is about. Only what
 * the shared schemas cannot see lives here: duplicate property names (a JSON object cannot
 * hold them) and a token that is already saved. Property names count as trimmed, as they are
 * saved.
 */
export function datasetFormSchema(rules: DatasetFormRules) {
  return z
    .object({
      name: z.string(),
      annotationKind: z.enum(ANNOTATION_KINDS),
      uris: z.array(z.object({ value: z.string() })),
      authKind: z.enum(AUTHENTICATION_KINDS),
      sasToken: z.string(),
      properties: z.array(z.object({ name: z.string(), value: z.string() })),
    })
    .superRefine((values, ctx) => {
      const report = (path: (string | number)[], message: string | undefined) => {
        if (message !== undefined) ctx.addIssue({ code: 'custom', path, message });
      };

      if (rules.mode === 'create') report(['name'], firstProblem(DatasetNameSchema, values.name));

      const uris = values.uris.map((uri) => uri.value);
      report(['uris'], listProblem(AppAnnotationFileUrisSchema, uris));
      const repeats = duplicateUriRows(uris);
      uris.forEach((uri, index) => {
        const row = repeats[index];
        report(
          ['uris', index, 'value'],
          firstProblem(AppAnnotationFileUriSchema, uri) ??
            (row !== undefined ? duplicateUriMessage(row) : undefined),
        );
      });

      if (values.authKind === 'sas' && (values.sasToken !== '' || !rules.hasSavedSasToken)) {
        report(['sasToken'], firstProblem(SasTokenSchema, values.sasToken));
      }

      // Counted with placeholder names so the shared limit speaks even when names repeat.
      const counted = Object.fromEntries(values.properties.map((p, i) => [`#${i}`, p.value]));
      report(['properties'], firstProblem(AppCustomPropertiesSchema, counted));
      const firstUse = new Map<string, number>();
      values.properties.forEach((property, index) => {
        const name = property.name.trim();
        const nameProblem =
          propertyNameProblem(property.name) ??
          firstProblem(AppCustomPropertiesSchema, { [name]: '' });
        if (nameProblem !== undefined) return report(['properties', index, 'name'], nameProblem);
        const earlier = firstUse.get(name);
        if (earlier !== undefined) {
          return report(
            ['properties', index, 'name'],
            `Property names must be unique: "${name}" is already property ${earlier + 1}.`,
          );
        }
        firstUse.set(name, index);
      });
    });
}

function customPropertiesOf(values: DatasetFormValues): Record<string, string> {
  return Object.fromEntries(values.properties.map((p) => [p.name.trim(), p.value]));
}

function authenticationOf(values: DatasetFormValues): StorageAuthentication {
  return values.authKind === 'sas' && values.sasToken !== ''
    ? { kind: 'sas', sasToken: values.sasToken }
    : { kind: values.authKind };
}

/** What Register sends: the whole dataset as the form describes it. */
export function fieldsFromForm(values: DatasetFormValues): DatasetFields {
  const customProperties = customPropertiesOf(values);
  return {
    annotationKind: values.annotationKind,
    annotationFileUris: values.uris.map((uri) => uri.value),
    authentication: authenticationOf(values),
    ...(values.properties.length > 0 ? { customProperties } : {}),
  };
}

/**
 * The editable fields that differ from the loaded dataset, and nothing else. Authentication is
 * compared apart because the page never holds the saved token: the kind tells whether it
 * changed, and a typed token always means "replace it". No authentication counts as "none",
 * and no properties as an empty set, so opening and saving never invents a change.
 */
export function changesFromForm(base: RedactedDataset, values: DatasetFormValues): DatasetChanges {
  const properties = customPropertiesOf(values);
  const changes = diffDatasetFields(
    {
      annotationKind: base.annotationKind,
      annotationFileUris: base.annotationFileUris,
      customProperties: base.customProperties ?? {},
    },
    {
      annotationKind: values.annotationKind,
      annotationFileUris: values.uris.map((uri) => uri.value),
      customProperties: properties,
    },
  );
  const baseKind = base.authentication?.kind ?? 'none';
  if (values.authKind !== baseKind || (values.authKind === 'sas' && values.sasToken !== '')) {
    changes.authentication = authenticationOf(values);
  }
  return changes;
}

export function hasChanges(changes: DatasetChanges): boolean {
  return Object.keys(changes).length > 0;
}

/** Maps a field path of the service's 400 details ("annotationFileUris.2") to a form field. */
export function formFieldOfServiceField(field: string): string | undefined {
  const [head, index] = field.split('.');
  if (head === 'name') return 'name';
  if (head === 'annotationKind') return 'annotationKind';
  if (head === 'annotationFileUris') return index !== undefined ? `uris.${index}.value` : 'uris';
  if (head === 'authentication') return field.endsWith('sasToken') ? 'sasToken' : 'authKind';
  return undefined;
}
