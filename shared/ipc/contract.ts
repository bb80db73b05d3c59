import { z } from 'zod';
import { DatasetFieldsSchema, DatasetNameSchema, UpdateBodySchema } from '../contract/dataset';
import type { RedactedDataset } from '../contract/redacted-dataset';
import { checkEndpoint } from '../contract/endpoint';
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

const empty = z.object({}).strict();

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
  'datasets:get': channel<RedactedDataset>()('datasets:get', z.object(datasetRef).strict()),
  'datasets:register': channel<RedactedDataset>()(
    'datasets:register',
    z.object({ ...datasetRef, fields: DatasetFieldsSchema.strict() }).strict(),
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
          authentication: true,
          customProperties: true,
        }).strict(),
      })
      .strict(),
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
