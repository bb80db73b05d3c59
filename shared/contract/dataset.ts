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

/** The service wants absolute addresses of COCO files in blob storage; only http(s) can serve them. */
export const AnnotationFileUriSchema = z
  .string({ error: 'An annotation file URI must be text.' })
  .superRefine((value, ctx) => {
    const problem = annotationUriProblem(value);
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

export const AnnotationFileUrisSchema = z
  .array(AnnotationFileUriSchema, { error: 'Annotation file URIs must be a list of addresses.' })
  .min(1, 'Add at least one annotation file URI.')
  .max(MAX_ANNOTATION_FILE_URIS, `At most ${MAX_ANNOTATION_FILE_URIS} annotation file URIs.`);

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

/** The editable part of a dataset: what Register sets and Update may change. */
export const DatasetFieldsSchema = z.object({
  annotationKind: AnnotationKindSchema,
  annotationFileUris: AnnotationFileUrisSchema,
  authentication: StorageAuthenticationSchema.optional(),
  customProperties: CustomPropertiesSchema.optional(),
});

/** Read-only properties: the service sets them; a client may echo them but never changes them. */
export const READ_ONLY_PROPERTIES = ['name', 'createdDateTime', 'updatedDateTime', 'eTag'] as const;

/** A dataset as the service returns it. */
export const DatasetSchema = DatasetFieldsSchema.extend({
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
