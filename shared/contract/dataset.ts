import { z } from 'zod';
import {
  MAX_ANNOTATION_FILE_URIS,
  MAX_CUSTOM_PROPERTIES,
  NAME_MAX_LENGTH,
  NAME_PATTERN,
} from './limits';

export const ANNOTATION_KINDS = ['imageClassification', 'imageObjectDetection'] as const;
export const AUTHENTICATION_KINDS = ['none', 'managedIdentity', 'sas'] as const;

export const DatasetNameSchema = z
  .string({ error: 'Name is required.' })
  .min(1, 'Name is required.')
  .max(NAME_MAX_LENGTH, `Name must be at most ${NAME_MAX_LENGTH} characters.`)
  .regex(
    NAME_PATTERN,
    'Name must start with a letter or digit and hold only letters, digits, ".", "_" and "-".',
  );

export const AnnotationKindSchema = z.enum(ANNOTATION_KINDS, {
  error: 'Annotation kind must be "imageClassification" or "imageObjectDetection".',
});

/**
 * What a URI already stored on the service must be to be read: an absolute http(s) address.
 * Kept lenient on purpose, so a dataset saved before a stricter rule existed (e.g. three
 * pasted addresses joined by spaces) still lists and opens, and can be fixed.
 */
export const StoredAnnotationFileUriSchema = z
  .string({ error: 'An annotation file URI must be text.' })
  .superRefine((value, ctx) => {
    const problem = annotationUriProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * What the service takes in a request: the contract declares `format: uri` (RFC 3986), which
 * has no whitespace or control characters; http is still accepted, as the contract allows it.
 */
export const AnnotationFileUriSchema = z
  .string({ error: 'An annotation file URI must be text.' })
  .superRefine((value, ctx) => {
    const problem = sentAnnotationUriProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export function annotationUriProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter the address of a COCO annotation file.';
  if (trimmed !== value) return 'Remove the spaces around the address.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'A URI must be an absolute https address, such as https://account.blob.core.windows.net/container/train.json.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `A URI must be an absolute https address; "${url.protocol}" is not supported.`;
  }
  if (url.hostname === '') return 'A URI must name a host.';
  return undefined;
}

function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * The stored rule, plus: one address holds no spaces, line breaks or control characters.
 * Checked before the address is parsed, since the parser's complaint would not say which.
 */
export function sentAnnotationUriProblem(value: string): string | undefined {
  if (value.trim() === '' || value.trim() !== value) return annotationUriProblem(value);
  if (/\s/.test(value)) {
    return 'A URI holds no spaces or line breaks; put each address in its own row.';
  }
  if ([...value].some(isControlCharacter)) {
    return 'A URI holds no control characters; remove the invisible character from the address.';
  }
  return annotationUriProblem(value);
}

export const annotationFileUrisOf = (item: z.ZodType<string>) =>
  z
    .array(item, { error: 'Annotation file URIs must be a list of addresses.' })
    .min(1, 'Add at least one annotation file URI.')
    .max(MAX_ANNOTATION_FILE_URIS, `At most ${MAX_ANNOTATION_FILE_URIS} annotation file URIs.`);

export const StoredAnnotationFileUrisSchema = annotationFileUrisOf(StoredAnnotationFileUriSchema);
export const AnnotationFileUrisSchema = annotationFileUrisOf(AnnotationFileUriSchema);

/** A SAS token is the query string alone; a pasted full URL would leak the container address into the token. */
export const SasTokenSchema = z
  .string({ error: 'The SAS token must be text.' })
  .min(1, 'Enter the SAS token.')
  .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v), {
    message: 'Enter only the token (the part after "?"), not a full URL.',
  })
  .refine((v) => !/\s/.test(v), { message: 'A SAS token holds no spaces or line breaks.' })
  .refine((v) => !v.startsWith('?'), { message: 'Leave out the leading "?" of the SAS token.' });

export const StorageAuthenticationSchema = z
  .object(
    {
      kind: z.enum(AUTHENTICATION_KINDS, {
        error: 'Storage authentication kind must be "none", "managedIdentity" or "sas".',
      }),
      sasToken: SasTokenSchema.optional(),
    },
    { error: 'Storage authentication must be an object with a "kind".' },
  )
  .strict()
  .superRefine((auth, ctx) => {
    if (auth.kind !== 'sas' && auth.sasToken !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sasToken'],
        message: 'A SAS token is allowed only when the kind is "sas".',
      });
    }
    if (auth.kind === 'sas' && auth.sasToken === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sasToken'],
        message: 'Storage authentication "sas" needs a SAS token.',
      });
    }
  });

export const CustomPropertiesSchema = z
  .record(
    z.string().min(1, 'A property name cannot be empty.'),
    z.string({ error: 'A custom property value must be text.' }),
    { error: 'Custom properties must be an object of names to text values.' },
  )
  .refine((props) => Object.keys(props).length <= MAX_CUSTOM_PROPERTIES, {
    message: `At most ${MAX_CUSTOM_PROPERTIES} custom properties.`,
  });

const UtcDateTimeSchema = z.iso.datetime({ error: 'Must be a UTC date-time ending in "Z".' });

/** The editable part of a dataset as the service holds it (see StoredAnnotationFileUriSchema). */
export const StoredDatasetFieldsSchema = z.object({
  annotationKind: AnnotationKindSchema,
  annotationFileUris: StoredAnnotationFileUrisSchema,
  authentication: StorageAuthenticationSchema.optional(),
  customProperties: CustomPropertiesSchema.optional(),
});

/** The editable part of a dataset: what Register sets and Update may change. */
export const DatasetFieldsSchema = StoredDatasetFieldsSchema.extend({
  annotationFileUris: AnnotationFileUrisSchema,
});

/** Read-only properties: the service sets them; a client may echo them but never changes them. */
export const READ_ONLY_PROPERTIES = ['name', 'createdDateTime', 'updatedDateTime', 'eTag'] as const;

/** A dataset as the service returns it. */
export const DatasetSchema = StoredDatasetFieldsSchema.extend({
  name: DatasetNameSchema,
  createdDateTime: UtcDateTimeSchema,
  updatedDateTime: UtcDateTimeSchema,
  eTag: z.string().min(1),
});

const readOnlyEcho = {
  name: DatasetNameSchema.optional(),
  createdDateTime: z.string().optional(),
  updatedDateTime: z.string().optional(),
  eTag: z.string().optional(),
};

/** Body of Register (PUT): kind and files are needed to make a usable dataset. */
export const RegisterBodySchema = DatasetFieldsSchema.extend(readOnlyEcho).strict();

/** Body of Update (PATCH): any subset of the editable properties. */
export const UpdateBodySchema = DatasetFieldsSchema.partial().extend(readOnlyEcho).strict();

export type AnnotationKind = z.infer<typeof AnnotationKindSchema>;
export type AuthenticationKind = (typeof AUTHENTICATION_KINDS)[number];
export type StorageAuthentication = z.infer<typeof StorageAuthenticationSchema>;
export type DatasetFields = z.infer<typeof DatasetFieldsSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type RegisterBody = z.infer<typeof RegisterBodySchema>;
export type UpdateBody = z.infer<typeof UpdateBodySchema>;
