import { z } from 'zod';
import {
  DatasetFieldsSchema,
  DatasetNameSchema,
  StorageAuthenticationSchema,
  UpdateBodySchema,
} from '../contract/dataset';
import { AppAnnotationFileUrisSchema, AppCustomPropertiesSchema } from '../contract/input-rules';
import { RedactedDatasetSchema } from '../contract/redacted-dataset';
import type { RedactedDataset } from '../contract/redacted-dataset';
import { checkEndpoint } from '../contract/endpoint';
import { BrowseRequestSchema, CheckRefSchema, CheckStartSchema } from '../storage/check-contract';
import type { BrowseListing, CheckProgress } from '../storage/check-contract';
import { FixPrepareSchema, FixRefSchema } from '../storage/fixed-copy-contract';
import type { FixDownload, FixPrepared, FixUploaded } from '../storage/fixed-copy-contract';
import { CheckAllRefSchema, CheckAllStartSchema } from '../storage/check-all-contract';
import type { CheckAllProgress } from '../storage/check-all-contract';
import { HistoryListSchema } from '../history/history-contract';
import type { HistoryVersion } from '../history/history-contract';
import { BulkRefSchema, BulkStartSchema } from '../bulk-edit/bulk-edit-contract';
import type { BulkProgress } from '../bulk-edit/bulk-edit-contract';
import {
  ActivityCodeSchema,
  ActivityListSchema,
  ActivitySaveCodeSchema,
} from '../activity/activity-types';
import type { ActivityList, GeneratedCode } from '../activity/activity-types';
import type { Result } from './errors';
import { CHANNEL_METHODS } from './channels';
import type { Channel } from './channels';

export { CHANNELS } from './channels';
export type { Channel } from './channels';

/**
 * The one IPC contract: every channel's request schema and response type, imported by main
 * (which validates every payload with the schema) and by the page (which gets typed calls).
 */

export const ConnectionIdSchema = z.string().min(1, 'A connection id is required.').max(100);

export const ConnectionNameSchema = z
  .string({ error: 'Name is required.' })
  .trim()
  .min(1, 'Name is required.')
  .max(100, 'Name must be at most 100 characters.');

export const EndpointSchema = z.string({ error: 'Endpoint is required.' }).superRefine((v, ctx) => {
  const check = checkEndpoint(v);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

export const SubscriptionKeySchema = z
  .string({ error: 'Subscription key is required.' })
  .min(1, 'Subscription key is required.')
  .max(512, 'The subscription key is too long; paste only the key.')
  .refine((v) => !/\s/.test(v), 'The subscription key holds no spaces or line breaks.');

export interface ConnectionSummary {
  id: string;
  name: string;
  endpoint: string;
  hasKey: boolean;
  /** The built-in `Local emulator` connection: it cannot be edited or removed. */
  builtIn: boolean;
  /** Where the key is kept: encrypted on disk, or in memory until the app quits. */
  keyStorage: 'persistent' | 'session' | 'none';
}

export interface SecretStorageInfo {
  /** `os`: the system keychain; `basicText`: Linux with no keyring; `keyFile`: browser mode. */
  kind: 'os' | 'basicText' | 'keyFile';
  /** False when keys cannot be kept safely across restarts, and are kept for the session only. */
  persistent: boolean;
  /** What the user should know, when persistent is false. */
  notice?: string;
}

export interface AppInfo {
  mode: 'desktop' | 'browser';
  version: string;
  secretStorage: SecretStorageInfo;
  /** Things the user should know from this start, e.g. a damaged settings file moved aside. */
  notices: string[];
}

export interface DatasetListChunk {
  listingId: string;
  /** The datasets that arrived since the last chunk, in the service's order. */
  items: RedactedDataset[];
  done: boolean;
}

export interface ConnectionTestReport {
  /** How many datasets the first page held: proof the endpoint and key work. */
  datasetsOnFirstPage: number;
}

export interface DraftSummary {
  connectionId: string;
  /** Null for a dataset not registered yet (one such draft per connection). */
  datasetName: string | null;
  /** The dataset as it was loaded when editing began: the base of the save and of any merge. */
  base: RedactedDataset | null;
  /** The form as the user left it, exactly (it may be invalid: nothing typed is lost). */
  values: Record<string, unknown>;
  /** A SAS token typed into the draft is kept encrypted in main, never handed back. */
  hasSasToken: boolean;
  savedAt: string;
}

const empty = z.object({}).strict();

const MAX_DRAFT_BYTES = 64 * 1024;

const DraftRefSchema = z
  .object({
    connectionId: z.string().min(1).max(100),
    datasetName: DatasetNameSchema.nullable(),
  })
  .strict();

const DraftValuesSchema = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_DRAFT_BYTES, {
    message: `A draft may hold at most ${MAX_DRAFT_BYTES / 1024} KB.`,
  });

/**
 * A save may use the SAS token kept with the draft (the page never has it back after a
 * restart): then `authentication` is `{kind: 'sas'}` alone and useDraftSasToken is true.
 */
const ChangedAuthenticationSchema = z.union([
  StorageAuthenticationSchema,
  z.object({ kind: z.literal('sas') }).strict(),
]);

function needsDraftToken(
  auth: { kind: string; sasToken?: string } | undefined,
  useDraftSasToken: boolean | undefined,
  ctx: z.RefinementCtx,
  path: (string | number)[],
) {
  if (auth?.kind === 'sas' && auth.sasToken === undefined && useDraftSasToken !== true) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: 'Storage authentication "sas" needs a SAS token.',
    });
  }
}

const datasetRef = {
  connectionId: ConnectionIdSchema,
  name: DatasetNameSchema,
};

/** Declares a channel: its request schema now, its response type for the compiler. */
function channel<Res>() {
  return <C extends Channel, S extends z.ZodType>(name: C, request: S) => ({
    method: CHANNEL_METHODS[name],
    request,
    response: undefined as unknown as Res,
  });
}

export const ipcContract = {
  'app:info': channel<AppInfo>()('app:info', empty),
  'connections:list': channel<ConnectionSummary[]>()('connections:list', empty),
  'connections:add': channel<ConnectionSummary>()(
    'connections:add',
    z
      .object({
        name: ConnectionNameSchema,
        endpoint: EndpointSchema,
        key: SubscriptionKeySchema,
        /** Keep the key in memory only (offered when no keyring can protect it). */
        sessionOnly: z.boolean().optional(),
      })
      .strict(),
  ),
  'connections:update': channel<ConnectionSummary>()(
    'connections:update',
    z
      .object({
        id: ConnectionIdSchema,
        name: ConnectionNameSchema.optional(),
        endpoint: EndpointSchema.optional(),
        /** Absent: keep the saved key. The page never sees a saved key. */
        key: SubscriptionKeySchema.optional(),
        sessionOnly: z.boolean().optional(),
      })
      .strict(),
  ),
  'connections:remove': channel<null>()(
    'connections:remove',
    z.object({ id: ConnectionIdSchema }).strict(),
  ),
  'connections:test': channel<ConnectionTestReport>()(
    'connections:test',
    z
      .object({
        /** Test a saved connection, or the unsaved form (endpoint and key) of a new or edited one. */
        id: ConnectionIdSchema.optional(),
        endpoint: EndpointSchema.optional(),
        key: SubscriptionKeySchema.optional(),
      })
      .strict()
      .refine((r) => r.id !== undefined || (r.endpoint !== undefined && r.key !== undefined), {
        message: 'Give a saved connection id, or an endpoint and a key to test.',
      }),
  ),
  'datasets:listStart': channel<DatasetListChunk>()(
    'datasets:listStart',
    z.object({ connectionId: ConnectionIdSchema }).strict(),
  ),
  'datasets:listMore': channel<DatasetListChunk>()(
    'datasets:listMore',
    z.object({ listingId: z.string().min(1).max(100) }).strict(),
  ),
  'datasets:get': channel<RedactedDataset>()(
    'datasets:get',
    z
      .object({
        ...datasetRef,
        /** Read because a write was refused as stale: history keeps it as theirs at a conflict. */
        afterConflict: z.literal(true).optional(),
      })
      .strict(),
  ),
  'datasets:register': channel<RedactedDataset>()(
    'datasets:register',
    z
      .object({
        ...datasetRef,
        fields: DatasetFieldsSchema.extend({
          annotationFileUris: AppAnnotationFileUrisSchema,
          authentication: ChangedAuthenticationSchema.optional(),
          customProperties: AppCustomPropertiesSchema.optional(),
        }).strict(),
        useDraftSasToken: z.boolean().optional(),
      })
      .strict()
      .superRefine((r, ctx) =>
        needsDraftToken(r.fields.authentication, r.useDraftSasToken, ctx, [
          'fields',
          'authentication',
          'sasToken',
        ]),
      ),
  ),
  'datasets:update': channel<RedactedDataset>()(
    'datasets:update',
    z
      .object({
        ...datasetRef,
        /** The eTag the editor loaded: the save applies only if nobody changed the dataset since. */
        ifMatch: z.string().min(1, 'The eTag the editor loaded is required.'),
        changes: UpdateBodySchema.pick({
          annotationKind: true,
          annotationFileUris: true,
          customProperties: true,
        })
          // The app's stricter rules (see input-rules): the page already applied them.
          .extend({
            annotationFileUris: AppAnnotationFileUrisSchema.optional(),
            authentication: ChangedAuthenticationSchema.optional(),
            customProperties: AppCustomPropertiesSchema.optional(),
          })
          .strict(),
        useDraftSasToken: z.boolean().optional(),
      })
      .strict()
      .superRefine((r, ctx) =>
        needsDraftToken(r.changes.authentication, r.useDraftSasToken, ctx, [
          'changes',
          'authentication',
          'sasToken',
        ]),
      ),
  ),
  'datasets:delete': channel<null>()(
    'datasets:delete',
    z
      .object({
        ...datasetRef,
        ifMatch: z.string().min(1, 'The eTag the editor loaded is required.'),
      })
      .strict(),
  ),
  'drafts:list': channel<DraftSummary[]>()('drafts:list', empty),
  'drafts:save': channel<{ savedAt: string }>()(
    'drafts:save',
    DraftRefSchema.extend({
      base: RedactedDatasetSchema.nullable(),
      values: DraftValuesSchema,
      /** The token typed into the form, if any; absent keeps the one already kept with the draft. */
      sasToken: z.string().max(4096).optional(),
      /** True when the user cleared the token or left SAS: forget any token kept with the draft. */
      dropSasToken: z.boolean().optional(),
    }).strict(),
  ),
  'drafts:discard': channel<null>()('drafts:discard', DraftRefSchema),
  /** The blobs of a container, read with a dataset's access (see storage/check-contract). */
  'storage:browse': channel<BrowseListing>()('storage:browse', BrowseRequestSchema),
  /**
   * Starts checking annotation files; returns the first progress at once. The page then polls
   * `checks:progress`, which answers when something changed (or after about a second), the
   * way a listing is continued.
   */
  'checks:start': channel<CheckProgress>()('checks:start', CheckStartSchema),
  'checks:progress': channel<CheckProgress>()('checks:progress', CheckRefSchema),
  'checks:cancel': channel<CheckProgress>()('checks:cancel', CheckRefSchema),
  /** A fixed copy of an annotation file, kept in main; uploaded beside it or saved to disk. */
  'fixes:prepare': channel<FixPrepared>()('fixes:prepare', FixPrepareSchema),
  'fixes:upload': channel<FixUploaded>()('fixes:upload', FixRefSchema),
  'fixes:download': channel<FixDownload>()('fixes:download', FixRefSchema),
  /**
   * Checks every dataset of a connection with its saved access, a few at a time; polled like
   * `checks:progress` (see storage/check-all-contract).
   */
  'checkAll:start': channel<CheckAllProgress>()('checkAll:start', CheckAllStartSchema),
  'checkAll:progress': channel<CheckAllProgress>()('checkAll:progress', CheckAllRefSchema),
  'checkAll:cancel': channel<CheckAllProgress>()('checkAll:cancel', CheckAllRefSchema),
  /** The versions of a dataset the app has seen, newest first, tokens as fingerprints only. */
  'history:list': channel<HistoryVersion[]>()('history:list', HistoryListSchema),
  /** One edit over several datasets, a PATCH each with its own If-Match (see bulk-edit-contract). */
  'bulk:start': channel<BulkProgress>()('bulk:start', BulkStartSchema),
  'bulk:progress': channel<BulkProgress>()('bulk:progress', BulkRefSchema),
  'bulk:cancel': channel<BulkProgress>()('bulk:cancel', BulkRefSchema),
  /** The last requests main made, newest first, without a secret (see activity-types). */
  'activity:list': channel<ActivityList>()('activity:list', ActivityListSchema),
  /** One of them as curl, PowerShell or Python, the key and any SAS token from the environment. */
  'activity:code': channel<GeneratedCode>()('activity:code', ActivityCodeSchema),
  /** The PATCH a Save of `update` (a `datasets:update` request) would send now, as code. */
  'activity:saveCode': channel<GeneratedCode>()('activity:saveCode', ActivitySaveCodeSchema),
} as const satisfies Record<Channel, unknown>;

export type IpcContract = typeof ipcContract;
export type RequestOf<C extends Channel> = z.input<IpcContract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<IpcContract[C]['request']>;
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(ipcContract, name);
}

type MethodOf<C extends Channel> = IpcContract[C]['method'];

/** The page's API: one named, typed function per channel, the same in Electron and in a browser. */
export type DatasetManagerApi = {
  [C in Channel as MethodOf<C> & string]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};
