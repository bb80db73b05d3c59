import { describe, expect, it } from 'vitest';
import {
  problemFromNetworkError,
  problemFromRefusal,
  sasProblemBeforeSending,
} from './storage-errors';

const NOW = new Date('2026-03-01T12:00:00Z');
const where = { account: 'contoso', container: 'coco', blobName: 'train.json', now: NOW };

describe('Storage refusals in words that say what to do', () => {
  it('names an expired token and its date before anything is sent', () => {
    const problem = sasProblemBeforeSending(
      'sv=2024&se=2026-01-02T00:00:00Z&sp=r&sig=x',
      'read',
      NOW,
    );
    expect(problem).toEqual({
      code: 'sasExpired',
      message:
        'The SAS token expired on 2026-01-02. Generate a new one in the portal (Storage account > Shared access signature) and paste it in SAS token.',
    });
  });

  it('tells a token that cannot list from one that cannot read', () => {
    expect(sasProblemBeforeSending('sp=r&se=2030-01-01&sig=x', 'list', NOW)).toMatchObject({
      code: 'noListPermission',
      message: expect.stringContaining('The SAS token can read but not list'),
    });
    expect(sasProblemBeforeSending('sp=l&sig=x', 'read', NOW)).toMatchObject({
      code: 'noReadPermission',
      message: expect.stringContaining('Read (r)'),
    });
    expect(sasProblemBeforeSending('sp=rl&se=2030-01-01&sig=x', 'list', NOW)).toBeUndefined();
  });

  it('maps the service codes', () => {
    const token = { ...where, need: 'read' as const, sasToken: 'sp=r&sig=x' };
    expect(problemFromRefusal(403, 'AuthorizationPermissionMismatch', token).code).toBe(
      'noReadPermission',
    );
    expect(
      problemFromRefusal(403, 'AuthorizationPermissionMismatch', { ...token, need: 'list' }).code,
    ).toBe('noListPermission');
    expect(
      problemFromRefusal(403, 'AuthenticationFailed', token, 'Signature did not match.'),
    ).toMatchObject({
      code: 'signatureMismatch',
      status: 403,
      serviceCode: 'AuthenticationFailed',
    });
    expect(
      problemFromRefusal(
        403,
        'AuthenticationFailed',
        token,
        'Signature not valid in the specified time frame',
      ),
    ).toMatchObject({ code: 'sasExpired' });
    expect(
      problemFromRefusal(403, 'AuthenticationFailed', {
        ...token,
        sasToken: 'st=2026-04-01T00:00:00Z&sig=x',
      }),
    ).toMatchObject({ code: 'sasNotYetValid', message: expect.stringContaining('2026-04-01') });
    expect(problemFromRefusal(404, 'ContainerNotFound', token)).toMatchObject({
      code: 'containerNotFound',
      message: expect.stringContaining('Container coco does not exist in storage account contoso'),
    });
    expect(problemFromRefusal(404, 'BlobNotFound', token)).toMatchObject({
      code: 'blobNotFound',
      message: expect.stringContaining('There is no file train.json in container coco'),
    });
  });

  it('asks for a SAS token when a private container is read anonymously', () => {
    const anonymous = { ...where, need: 'read' as const };
    expect(problemFromRefusal(404, 'ResourceNotFound', anonymous).code).toBe('publicAccessDenied');
    expect(problemFromRefusal(401, 'NoAuthenticationInformation', anonymous).code).toBe(
      'publicAccessDenied',
    );
    expect(problemFromRefusal(409, 'PublicAccessNotPermitted', anonymous)).toMatchObject({
      code: 'publicAccessDenied',
      message: expect.stringContaining('does not allow anonymous access'),
    });
  });

  it('says why no token was sent to another storage account', () => {
    const problem = problemFromRefusal(404, 'ResourceNotFound', {
      ...where,
      need: 'read',
      sasWithheld: 'otherAccount',
    });
    expect(problem.message).toContain(
      'was not sent there because it belongs to another storage account',
    );
  });

  it('words network failures by their cause, without the address’s query', () => {
    const dns = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }),
    });
    expect(problemFromNetworkError(dns, 'nosuch.blob.core.windows.net')).toMatchObject({
      code: 'network',
      message: expect.stringContaining('nosuch.blob.core.windows.net could not be found'),
    });
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(problemFromNetworkError(refused, '127.0.0.1:1').message).toContain(
      'Nothing answers at 127.0.0.1:1',
    );
  });
});
