import { z } from 'zod';

/** Which of the two services a request went to. */
export type ActivityService = 'datasets' | 'storage';

export const CODE_LANGUAGES = ['curl', 'powershell', 'python'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];
export const CodeLanguageSchema = z.enum(CODE_LANGUAGES, {
  error: 'The language must be curl, powershell or python.',
});

/** The environment variables generated code reads its secrets from. */
export const KEY_VARIABLE = 'AZURE_VISION_KEY';
export const SAS_VARIABLE = 'SAS_TOKEN';

/** A JSON request body; a SAS token in it is left out, and where it goes is said. */
export interface RecipeJsonBody {
  kind: 'json';
  /** The body as sent, with each SAS token replaced by `"$SAS_TOKEN"`. */
  text: string;
  /** Where in the body a SAS token goes (property names from the root). */
  sasTokenPaths: string[][];
}

/**
 * What it takes to send a request again as code, with no secret in it: the key header's value
 * and a SAS token are left out and filled in from environment variables.
 */
export interface RequestRecipe {
  method: string;
  /** The URL without any secret query value (a SAS token's parameters are removed). */
  url: string;
  /** The SAS token goes into the URL's query. */
  sasTokenInUrl: boolean;
  /** The headers sent, the key's left out. */
  headers: [string, string][];
  /** The name of the header that carried the subscription key, if one did. */
  keyHeader?: string;
  body?: RecipeJsonBody | { kind: 'text'; text: string } | { kind: 'binary'; bytes: number };
}

/** One request main made, as the Activity view shows it. */
export interface ActivitySummary {
  id: string;
  /** ISO time the request was sent. */
  time: string;
  method: string;
  service: ActivityService;
  host: string;
  /** Path and query, each secret query value replaced by `…`. */
  path: string;
  /** Absent when no answer came. */
  status?: number;
  /** Why no answer came (a network failure, a timeout), in words. */
  failure?: string;
  durationMs: number;
  /** The service's `apim-request-id` or `x-ms-request-id`: what support asks for. */
  requestId?: string;
  /** The service's error code (x-ms-error-code or the error body's code). */
  errorCode?: string;
  /** The dataset the request was about, when its path names one. */
  dataset?: string;
}

export interface ActivityEntry extends ActivitySummary {
  recipe: RequestRecipe;
}

export const ACTIVITY_STATUS_FILTERS = ['all', 'failed', '2xx', '4xx', '5xx'] as const;
export type ActivityStatusFilter = (typeof ACTIVITY_STATUS_FILTERS)[number];

export interface ActivityFilters {
  status?: ActivityStatusFilter;
  dataset?: string;
}

/** The requests kept in memory and in the activity file. */
export const ACTIVITY_LIMIT = 1000;

export const ActivityListSchema = z
  .object({
    filters: z
      .object({
        status: z.enum(ACTIVITY_STATUS_FILTERS).optional(),
        dataset: z.string().max(300).optional(),
      })
      .strict()
      .optional(),
    limit: z.number().int().min(1).max(ACTIVITY_LIMIT).optional(),
  })
  .strict();

export interface ActivityList {
  /** Newest first. */
  entries: ActivitySummary[];
  /** Every dataset named in the log, for the filter. */
  datasets: string[];
  /** How many the filters matched, before `limit`. */
  matched: number;
}

export const ActivityCodeSchema = z
  .object({ entryId: z.string().min(1).max(100), language: CodeLanguageSchema })
  .strict();

/** The request of `activity:saveCode` is checked in main against `datasets:update`'s schema. */
export const ActivitySaveCodeSchema = z
  .object({ update: z.unknown(), language: CodeLanguageSchema })
  .strict();

export interface GeneratedCode {
  text: string;
}

/** Whether an entry passes the status filter. */
export function matchesStatus(entry: ActivitySummary, filter: ActivityStatusFilter): boolean {
  const status = entry.status;
  switch (filter) {
    case 'all':
      return true;
    case 'failed':
      return status === undefined || status >= 400;
    case '2xx':
      return status !== undefined && status >= 200 && status < 300;
    case '4xx':
      return status !== undefined && status >= 400 && status < 500;
    case '5xx':
      return status !== undefined && status >= 500;
  }
}
