import { z } from 'zod';
import { checkEndpoint } from '../../../shared/contract/endpoint';
import { ConnectionIdSchema, ConnectionNameSchema } from '../../../shared/ipc/contract';
import type { SettingsStore } from '../settings/settings-store';
import { originOf } from './key-origin';

/** The settings key of the saved connections: names and endpoints, never keys. */
export const CONNECTIONS_KEY = 'connections';

const StoredConnectionSchema = z
  .object({
    id: ConnectionIdSchema,
    name: ConnectionNameSchema,
    endpoint: z.string().transform((value, ctx) => {
      const check = checkEndpoint(value);
      if (check.ok) return check.endpoint;
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }),
    /** The key was kept for the session only, so the app can say why it is gone after a restart. */
    keySessionOnly: z.boolean().optional(),
    /**
     * The origin the saved key was typed for; it goes nowhere else (see key-origin.ts). Files
     * written before it was recorded get the origin of the endpoint as stored: the best that can
     * be known, since until then a key followed every change of endpoint.
     */
    keyOrigin: z.string().optional(),
  })
  .transform((record) => ({ ...record, keyOrigin: record.keyOrigin ?? originOf(record.endpoint) }));

export type StoredConnection = z.output<typeof StoredConnectionSchema>;

export interface ConnectionRecords {
  valid: StoredConnection[];
  /** Entries that failed validation, written back untouched so a hand edit can still fix them. */
  invalid: unknown[];
}

/** Reads the saved connections; a damaged entry is skipped and reported, never fatal. */
export function readConnectionRecords(
  store: SettingsStore,
  notice: (message: string) => void,
): ConnectionRecords {
  const raw = store.get(CONNECTIONS_KEY);
  if (raw === undefined) return { valid: [], invalid: [] };
  if (!Array.isArray(raw)) {
    notice(`The list of saved connections in ${store.path} is damaged and was ignored.`);
    return { valid: [], invalid: [] };
  }
  const records: ConnectionRecords = { valid: [], invalid: [] };
  const ids = new Set<string>();
  raw.forEach((entry: unknown, index) => {
    const parsed = StoredConnectionSchema.safeParse(entry);
    if (parsed.success && !ids.has(parsed.data.id)) {
      ids.add(parsed.data.id);
      records.valid.push(parsed.data);
      return;
    }
    // Only the schema's own words: the entry itself could hold anything, even a key.
    const problem = parsed.success ? 'its id is used twice' : describeIssue(parsed.error.issues[0]);
    notice(
      `Saved connection #${index + 1} in ${store.path} is damaged (${problem}) and was skipped.`,
    );
    records.invalid.push(entry);
  });
  return records;
}

export function writeConnectionRecords(store: SettingsStore, records: ConnectionRecords): void {
  store.set(CONNECTIONS_KEY, [...records.valid, ...records.invalid]);
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unreadable';
  const field = issue.path.map(String).join('.');
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}
