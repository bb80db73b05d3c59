/**
 * What a SAS token says about itself, read from its query parameters: when it starts and
 * expires, what it may do, on what, over which protocol. It is computed in main for a saved
 * token (the page never holds one) and in the page for a token the user is typing. It never
 * holds the signature or the token: only values that grant nothing. Its zod schema, for the
 * IPC contract, is in sas-insight-schema.ts: the datasets list uses this file at start, and
 * zod is not in the page's first load.
 */
export interface SasInsight {
  /** `se` as an ISO instant (UTC). */
  expiresAt?: string;
  /** `st` as an ISO instant (UTC). */
  startsAt?: string;
  /** `sp` as written, when it is made of permission letters (`rl`, `racwdl`). */
  permissions?: string;
  /** `sp` holds `r`: the service can read the files with it. */
  canRead: boolean;
  /** `sp` holds `l`: a container's blobs can be listed with it (Browse files). */
  canList: boolean;
  /** `sr` or `srt` in words: `Container`, `Blob`, `Account: service, container, object`. */
  resource?: string;
  /** `spr`: `https` or `https,http`. */
  protocol?: 'https' | 'https,http';
  /** It has a signature (`sig`) and an expiry (`se`) that can be read. */
  valid: boolean;
  /** What is wrong with it, each saying what to do; fixed sentences that quote no value. */
  problems: string[];
}

export const SAS_SOON_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export type ExpiryState = 'expired' | 'soon' | 'ok' | 'none';

export interface ExpiryDescription {
  /**
   * `No expiry date`; `Expires in N days` (N >= 2, whole days left, rounded down),
   * `Expires in 1 day`, `Expires in less than a day`; `Expired less than a day ago`,
   * `Expired 1 day ago`, `Expired N days ago` (whole days past, rounded down). Days are
   * 24-hour spans from `now`, not calendar days, so the words do not depend on a time zone.
   */
  text: string;
  /** `soon`: expires within SAS_SOON_DAYS (7) days. */
  state: ExpiryState;
}

const SERVICE_RESOURCES: Record<string, string> = {
  b: 'Blob',
  bs: 'Blob snapshot',
  bv: 'Blob version',
  c: 'Container',
  d: 'Directory',
  f: 'File',
  s: 'File share',
};

const ACCOUNT_RESOURCE_TYPES: Record<string, string> = {
  s: 'service',
  c: 'container',
  o: 'object',
};

/** The ISO 8601 UTC forms a SAS accepts: a date, or a date and time with minutes or seconds. */
const SAS_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?Z)?$/;

/** `value` as an ISO instant, or undefined when it is not a real UTC date in a SAS form. */
function sasTime(value: string): string | undefined {
  const parts = SAS_TIME.exec(value);
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((p) => Number(p ?? 0));
  const millis = Number(((parts[7] ?? '') + '000').slice(0, 3));
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second, millis));
  // Date.UTC rolls 2027-02-30 over to March: a date that does not exist is not accepted.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month! - 1 ||
    date.getUTCDate() !== day ||
    hour! > 23 ||
    minute! > 59 ||
    second! > 59
  ) {
    return undefined;
  }
  return date.toISOString();
}

/** The query string alone: a pasted address keeps only what follows its `?`. */
function queryOf(token: string): { query: string; wasAddress: boolean } {
  const trimmed = token.trim();
  const mark = trimmed.indexOf('?');
  if (mark < 0) return { query: trimmed, wasAddress: false };
  return { query: trimmed.slice(mark + 1), wasAddress: mark > 0 };
}

function describeResource(sr: string | null, srt: string | null): string | undefined {
  if (sr !== null) return SERVICE_RESOURCES[sr];
  if (srt === null) return undefined;
  const types = [...srt].map((letter) => ACCOUNT_RESOURCE_TYPES[letter]);
  if (types.length === 0 || types.some((t) => t === undefined)) return undefined;
  return `Account: ${types.join(', ')}`;
}

const PARAMETERS = ['sv', 'se', 'st', 'sp', 'sr', 'srt', 'ss', 'spr', 'sig'] as const;

/** Reads a SAS token (with or without a leading `?`, or a whole address); never throws. */
export function sasInsight(token: string): SasInsight {
  const { query, wasAddress } = queryOf(token);
  // URLSearchParams decodes %xx and takes any text without throwing.
  const params = new URLSearchParams(query);
  const problems: string[] = [];
  const insight: SasInsight = { canRead: false, canList: false, valid: false, problems };

  if (wasAddress) {
    problems.push('Paste only the token, the part after “?”, not the whole address.');
  }
  const repeated = PARAMETERS.filter((name) => params.getAll(name).length > 1);
  if (repeated.length > 0) {
    problems.push(
      `These parameters appear more than once: ${repeated.join(', ')}; copy the token again.`,
    );
  }

  const sig = params.get('sig');
  if (sig === null || sig === '') {
    problems.push('The token has no signature (sig); copy the whole token.');
  }
  if (params.get('sv') === null) {
    problems.push('The token has no version (sv); copy the whole token.');
  }

  const se = params.get('se');
  if (se === null) {
    problems.push('The token has no expiry date (se); generate a token with one.');
  } else {
    const expiresAt = sasTime(se);
    if (expiresAt) insight.expiresAt = expiresAt;
    else problems.push('The expiry (se) is not a UTC date such as 2027-01-31T00:00:00Z.');
  }

  const st = params.get('st');
  if (st !== null) {
    const startsAt = sasTime(st);
    if (startsAt) insight.startsAt = startsAt;
    else problems.push('The start (st) is not a UTC date such as 2027-01-01T00:00:00Z.');
  }
  if (insight.startsAt && insight.expiresAt && insight.startsAt >= insight.expiresAt) {
    problems.push('The token starts (st) after it expires (se); generate a new token.');
  }

  const sp = params.get('sp');
  if (sp === null) {
    problems.push('The token grants no permissions (sp); generate one with read (r) and list (l).');
  } else if (/^[a-z]{1,32}$/i.test(sp)) {
    insight.permissions = sp;
    insight.canRead = sp.includes('r');
    insight.canList = sp.includes('l');
  } else {
    problems.push('The permissions (sp) are not letters such as rl; copy the token again.');
  }

  const sr = params.get('sr');
  const srt = params.get('srt');
  const resource = describeResource(sr, srt);
  if (resource) insight.resource = resource;
  if (sr !== null && resource === undefined) {
    problems.push('The resource (sr) is not one Azure Storage knows; copy the token again.');
  } else if (sr === 'b' || sr === 'bs' || sr === 'bv') {
    problems.push(
      'The token is for one blob (sr=b), but the images are read with it too: use a container or account token.',
    );
  } else if (sr === 'f' || sr === 's') {
    problems.push('The token is for Azure Files; annotation files must be in Blob Storage.');
  }
  if (srt !== null && sr === null) {
    if (resource === undefined) {
      problems.push('The resource types (srt) are not s, c or o; copy the token again.');
    } else if (!srt.includes('o')) {
      problems.push(
        'The account token does not cover objects (srt has no o), so no file can be read.',
      );
    }
  }
  const ss = params.get('ss');
  if (ss !== null && !ss.includes('b')) {
    problems.push('The account token is not for Blob Storage (ss has no b).');
  }

  const spr = params.get('spr');
  if (spr === 'https' || spr === 'https,http') insight.protocol = spr;
  else if (spr !== null) problems.push('The protocol (spr) must be https or https,http.');

  insight.valid = sig !== null && sig !== '' && insight.expiresAt !== undefined;
  return insight;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

/** The token's expiry in words, as of `now`; see ExpiryDescription for the exact texts. */
export function describeExpiry(
  insight: Pick<SasInsight, 'expiresAt'>,
  now: Date,
): ExpiryDescription {
  if (insight.expiresAt === undefined) return { text: 'No expiry date', state: 'none' };
  const left = new Date(insight.expiresAt).getTime() - now.getTime();
  if (Number.isNaN(left)) return { text: 'No expiry date', state: 'none' };
  if (left <= 0) {
    const past = Math.floor(-left / DAY_MS);
    return {
      text: past === 0 ? 'Expired less than a day ago' : `Expired ${days(past)} ago`,
      state: 'expired',
    };
  }
  const whole = Math.floor(left / DAY_MS);
  return {
    text: whole === 0 ? 'Expires in less than a day' : `Expires in ${days(whole)}`,
    state: left <= SAS_SOON_DAYS * DAY_MS ? 'soon' : 'ok',
  };
}
