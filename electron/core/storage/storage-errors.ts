import type { StorageProblem } from '../../../shared/storage/check-contract';

/**
 * Blob Storage's refusals turned into sentences that say what to do. Storage says little (an
 * expired token and a wrong signature are both a 403 `AuthenticationFailed`, and Azurite
 * answers `AuthorizationFailure` to both), so the token's own dates and permissions are read
 * first: an expired token is named as such, with its date, before anything is sent.
 */

export type StorageNeed = 'read' | 'list';

/** What a SAS token says about itself in its query string. */
export interface SasFacts {
  expiresOn?: Date;
  startsOn?: Date;
  /** `sp` as written, e.g. `rl`. */
  permissions?: string;
  /** `srt` of an account SAS, e.g. `co`. */
  resourceTypes?: string;
}

function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const value = params.get(name);
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function sasFacts(sasToken: string): SasFacts {
  const params = new URLSearchParams(sasToken.trim().replace(/^\?/, ''));
  const facts: SasFacts = {};
  const expiresOn = dateParam(params, 'se');
  const startsOn = dateParam(params, 'st');
  const permissions = params.get('sp');
  const resourceTypes = params.get('srt');
  if (expiresOn) facts.expiresOn = expiresOn;
  if (startsOn) facts.startsOn = startsOn;
  if (permissions !== null) facts.permissions = permissions;
  if (resourceTypes !== null) facts.resourceTypes = resourceTypes;
  return facts;
}

/** `2026-01-02`, with the time (UTC) when it is not midnight. */
export function formatWhen(date: Date): string {
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  return time === '00:00' ? day : `${day} ${time} UTC`;
}

const NEW_TOKEN = 'Generate a new one in the portal (Storage account > Shared access signature)';

export function expiredProblem(expiresOn: Date, status?: number): StorageProblem {
  return {
    code: 'sasExpired',
    message: `The SAS token expired on ${formatWhen(expiresOn)}. ${NEW_TOKEN} and paste it in SAS token.`,
    ...(status !== undefined && { status }),
  };
}

function notYetValidProblem(startsOn: Date, status?: number): StorageProblem {
  return {
    code: 'sasNotYetValid',
    message: `The SAS token is valid only from ${formatWhen(startsOn)}. Wait until then, or generate one that starts now and paste it in SAS token.`,
    ...(status !== undefined && { status }),
  };
}

function permissionProblem(need: StorageNeed, permissions: string | undefined): StorageProblem {
  const has = permissions === undefined ? '' : ` (its permissions are "${permissions}")`;
  if (need === 'list') {
    const can = permissions?.includes('r') ? 'can read but not list' : 'does not allow listing';
    return {
      code: 'noListPermission',
      message: `The SAS token ${can} the container${has}. To browse, generate one with List (l) permission as well and paste it in SAS token; typing file addresses works without it.`,
    };
  }
  return {
    code: 'noReadPermission',
    message: `The SAS token does not allow reading files${has}. ${NEW_TOKEN} with Read (r) permission and paste it in SAS token.`,
  };
}

/**
 * What is wrong with a token before it is sent: expired, or without the permission the
 * request needs. Undefined when it looks usable (the start date is left to Storage: a token
 * made a moment ago may start a little ahead of this computer's clock).
 */
export function sasProblemBeforeSending(
  sasToken: string,
  need: StorageNeed,
  now: Date = new Date(),
): StorageProblem | undefined {
  const facts = sasFacts(sasToken);
  if (facts.expiresOn && facts.expiresOn.getTime() <= now.getTime()) {
    return expiredProblem(facts.expiresOn);
  }
  const letter = need === 'read' ? 'r' : 'l';
  if (facts.permissions !== undefined && !facts.permissions.includes(letter)) {
    return permissionProblem(need, facts.permissions);
  }
  return undefined;
}

export interface RefusalContext {
  need: StorageNeed;
  /** The token sent, if any: its dates word a refusal precisely. */
  sasToken?: string;
  /** Not sent because the URL is on another storage account than the annotation file. */
  sasWithheld?: 'otherAccount';
  account: string;
  container: string;
  blobName?: string;
  now?: Date;
}

/** `<Code>X</Code>` and the authentication detail of an XML error body. */
export function errorDetailsFromXml(body: string): { code?: string; detail?: string } {
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1];
  const detail = /<(?:AuthenticationErrorDetail|Message)>([^<]{1,1000})</.exec(body)?.[1];
  return { ...(code && { code }), ...(detail && { detail }) };
}

const WITHHELD =
  ' The SAS token was not sent there because it belongs to another storage account than the annotation file.';

/** A refusal by Storage (status, `x-ms-error-code` or the XML `<Code>`), in words. */
export function problemFromRefusal(
  status: number,
  serviceCode: string | undefined,
  context: RefusalContext,
  detail = '',
): StorageProblem {
  const base = { status, ...(serviceCode && { serviceCode }) };
  const facts = context.sasToken ? sasFacts(context.sasToken) : undefined;
  const now = context.now ?? new Date();
  const withheld = context.sasWithheld === 'otherAccount' ? WITHHELD : '';
  const where = context.blobName
    ? `${context.blobName} in container ${context.container}`
    : `container ${context.container}`;

  const denied = (code: StorageProblem['code'], message: string): StorageProblem => ({
    ...base,
    code,
    message: message + withheld,
  });
  const anonymousDenied = () =>
    serviceCode === 'PublicAccessNotPermitted'
      ? denied(
          'publicAccessDenied',
          `Storage account ${context.account} does not allow anonymous access. Choose SAS token under Storage authentication and paste a token with Read (r) permission.`,
        )
      : denied(
          'publicAccessDenied',
          `Container ${context.container} does not allow anonymous ${context.need === 'list' ? 'listing' : 'reading'}. Choose SAS token under Storage authentication and paste a token with Read (r)${context.need === 'list' ? ' and List (l)' : ''} permission.`,
        );

  const refused = status === 401 || status === 403 || status === 409;
  const anonymousNotFound =
    status === 404 && serviceCode !== 'BlobNotFound' && serviceCode !== 'ContainerNotFound';
  if (context.sasWithheld === 'otherAccount' && (refused || anonymousNotFound)) {
    return {
      ...base,
      code: 'publicAccessDenied',
      message: `Storage account ${context.account} did not let this file be read without a token. The SAS token was not sent there because it belongs to another storage account than the annotation file: keep the images in the annotation file's storage account, or allow anonymous reading of container ${context.container}.`,
    };
  }
  if (refused) {
    if (!context.sasToken) return anonymousDenied();
    if (serviceCode === 'AuthorizationPermissionMismatch') {
      return { ...base, ...permissionProblem(context.need, facts?.permissions) };
    }
    if (serviceCode === 'AuthorizationResourceTypeMismatch') {
      return {
        ...base,
        ...permissionProblem(context.need, facts?.permissions),
        message: `The SAS token is not for this kind of resource${facts?.resourceTypes ? ` (its resource types are "${facts.resourceTypes}")` : ''}. Generate one with the Container and Object resource types and paste it in SAS token.`,
      };
    }
    if (facts?.expiresOn && facts.expiresOn.getTime() <= now.getTime()) {
      return { ...expiredProblem(facts.expiresOn, status), ...base };
    }
    if (facts?.startsOn && facts.startsOn.getTime() > now.getTime()) {
      return { ...notYetValidProblem(facts.startsOn, status), ...base };
    }
    if (/expired|not valid in the specified time frame/i.test(detail)) {
      return {
        ...base,
        code: 'sasExpired',
        message: `Storage says the SAS token is outside its valid time (it may have expired, or this computer's clock is off). ${NEW_TOKEN} and paste it in SAS token.`,
      };
    }
    return {
      ...base,
      code: 'signatureMismatch',
      message: `Storage account ${context.account} refused the SAS token: it was made for another account or container, was changed after it was made, or the key that signed it was rotated (or the account's network rules block this computer). Copy the whole token again from where it was generated and paste it in SAS token.`,
    };
  }
  if (status === 404) {
    if (serviceCode === 'ContainerNotFound') {
      return denied(
        'containerNotFound',
        `Container ${context.container} does not exist in storage account ${context.account}. Check the container's name in the address.`,
      );
    }
    if (serviceCode === 'BlobNotFound' || (context.sasToken && serviceCode === undefined)) {
      return denied(
        'blobNotFound',
        `There is no file ${where}. Check the path in the address${context.need === 'read' ? ', or pick the file with Browse files' : ''}.`,
      );
    }
    // Storage answers ResourceNotFound to an anonymous request on a private container.
    if (!context.sasToken) return anonymousDenied();
    return denied('blobNotFound', `Storage found nothing at ${where}. Check the address.`);
  }
  if (status === 416) {
    return denied('other', `The file ${where} is empty.`);
  }
  return denied(
    'other',
    `Blob Storage answered with an error (status ${status}${serviceCode ? `, ${serviceCode}` : ''}). Try again in a moment; if it persists, check the storage account in the portal.`,
  );
}

const READ_LIMIT = 16 * 1024;

/** The refusal in a fetch response; its body (Storage's XML) is read only as far as needed. */
export async function problemFromResponse(
  response: Response,
  context: RefusalContext,
): Promise<StorageProblem> {
  let body = '';
  try {
    body = response.body ? (await response.text()).slice(0, READ_LIMIT) : '';
  } catch {
    // The reason is in the status and the header anyway.
  }
  const xml = errorDetailsFromXml(body);
  const serviceCode = response.headers.get('x-ms-error-code') ?? xml.code;
  return problemFromRefusal(response.status, serviceCode ?? undefined, context, xml.detail ?? '');
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if ((current as { name?: unknown }).name === 'TimeoutError') return 'TimeoutError';
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'REQUEST_SEND_ERROR') return code;
    const message = (current as { message?: unknown }).message;
    const net = typeof message === 'string' ? /net::(ERR_[A-Z_]+)/.exec(message)?.[1] : undefined;
    if (net) return net;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A request that got no answer: the host is unknown, refuses, or the network is down. */
export function problemFromNetworkError(error: unknown, host: string): StorageProblem {
  const code = causeCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ERR_NAME_NOT_RESOLVED') {
    return {
      code: 'network',
      message: `${host} could not be found. Check the storage account's name in the address, and that this computer is online.`,
    };
  }
  if (code === 'ECONNREFUSED' || code === 'ERR_CONNECTION_REFUSED') {
    return {
      code: 'network',
      message: `Nothing answers at ${host}. If it is a local storage emulator, start it; otherwise check the address.`,
    };
  }
  if (code === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      code: 'network',
      message: `${host} did not answer in time. Check this computer's connection and try again.`,
    };
  }
  return {
    code: 'network',
    message: `Blob Storage at ${host} could not be reached${code ? ` (${code})` : ''}. Check this computer's connection and try again.`,
  };
}
