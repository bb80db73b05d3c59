import { z } from 'zod';
import {
  ConnectionNameSchema,
  EndpointSchema,
  SubscriptionKeySchema,
} from '../../../shared/ipc/contract';
import type { ConnectionSummary, RequestOf } from '../../../shared/ipc/contract';
import { firstProblem } from './schema-messages';

export interface ConnectionFormValues {
  name: string;
  endpoint: string;
  /** Write-only: never prefilled; empty while editing keeps the saved key. */
  key: string;
  sessionOnly: boolean;
}

export type ConnectionFormMode = 'add' | 'edit';

export function connectionFormDefaults(connection?: ConnectionSummary): ConnectionFormValues {
  return {
    name: connection?.name ?? '',
    endpoint: connection?.endpoint ?? '',
    key: '',
    sessionOnly: connection?.keyStorage === 'session',
  };
}

/** The same schemas main checks the request with, one field at a time. */
export function connectionFormSchema(mode: ConnectionFormMode) {
  return z
    .object({
      name: z.string(),
      endpoint: z.string(),
      key: z.string(),
      sessionOnly: z.boolean(),
    })
    .superRefine((values, ctx) => {
      const report = (path: string, message: string | undefined) => {
        if (message !== undefined) ctx.addIssue({ code: 'custom', path: [path], message });
      };
      report('name', firstProblem(ConnectionNameSchema, values.name));
      report('endpoint', firstProblem(EndpointSchema, values.endpoint));
      if (mode === 'add' || values.key !== '') {
        report('key', firstProblem(SubscriptionKeySchema, values.key));
      }
    });
}

export function addRequestFrom(
  values: ConnectionFormValues,
  offerSessionOnly: boolean,
): RequestOf<'connections:add'> {
  return {
    name: values.name.trim(),
    endpoint: values.endpoint.trim(),
    key: values.key,
    ...(offerSessionOnly && values.sessionOnly ? { sessionOnly: true } : {}),
  };
}

/** Only what the user changed goes to main; an empty key means "keep the saved one". */
export function updateRequestFrom(
  connection: ConnectionSummary,
  values: ConnectionFormValues,
  offerSessionOnly: boolean,
): RequestOf<'connections:update'> {
  const name = values.name.trim();
  const endpoint = values.endpoint.trim();
  const wasSessionOnly = connection.keyStorage === 'session';
  return {
    id: connection.id,
    ...(name !== connection.name ? { name } : {}),
    ...(endpoint !== connection.endpoint ? { endpoint } : {}),
    ...(values.key !== '' ? { key: values.key } : {}),
    ...(offerSessionOnly && values.sessionOnly !== wasSessionOnly
      ? { sessionOnly: values.sessionOnly }
      : {}),
  };
}

/** Test what the form says: a saved connection's own key unless a new one was typed. */
export function testRequestFrom(
  connection: ConnectionSummary | undefined,
  values: ConnectionFormValues,
): RequestOf<'connections:test'> {
  const endpoint = values.endpoint.trim();
  if (!connection) return { endpoint, key: values.key };
  return {
    id: connection.id,
    endpoint,
    ...(values.key !== '' ? { key: values.key } : {}),
  };
}
