import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStorage } from '../../test-support/azurite-blobs';
import type { TestStorage } from '../../test-support/azurite-blobs';
import { browseContainer } from './browse';
import type { ResolvedAccess } from './storage-access';

let storage: TestStorage;

beforeAll(async () => {
  storage = await startTestStorage();
  await storage.upload('data', 'coco/train.json', '{}');
  await storage.upload('data', 'coco/val.json', '{}');
  await storage.upload('data', 'coco/images/a.jpg', 'jpeg');
  await storage.upload('data', 'readme.txt', 'hello');
}, 60_000);

afterAll(async () => {
  await storage?.stop();
});

const typed = (sasToken: string): ResolvedAccess => ({ sasToken, source: 'typed' });

describe('browsing a container with a SAS token', () => {
  it('lists the folder of the file typed: its sub-folders and files, with bare URIs', async () => {
    const token = storage.sas('data', 'rl');
    const listing = await browseContainer({
      location: `${storage.containerUrl('data')}/coco/train.json`,
      access: typed(token),
      fetch,
    });
    expect(listing).toEqual({
      ok: true,
      value: {
        containerUrl: storage.containerUrl('data'),
        prefix: 'coco/',
        folders: ['coco/images/'],
        blobs: [
          expect.objectContaining({
            path: 'coco/train.json',
            size: 2,
            isJson: true,
            uri: `${storage.containerUrl('data')}/coco/train.json`,
          }),
          expect.objectContaining({ path: 'coco/val.json', isJson: true }),
        ],
        truncated: false,
      },
    });
    const sig = new URLSearchParams(token).get('sig')!;
    expect(JSON.stringify(listing)).not.toContain(sig);
    expect(JSON.stringify(listing)).not.toContain('sig=');
  });

  it('lists the top of a container from its URL, or the folder asked for', async () => {
    const top = await browseContainer({
      location: storage.containerUrl('data'),
      access: typed(storage.sas('data', 'rl')),
      fetch,
    });
    expect(top.ok && top.value).toMatchObject({
      prefix: '',
      folders: ['coco/'],
      blobs: [expect.objectContaining({ path: 'readme.txt', isJson: false })],
    });
    const images = await browseContainer({
      location: storage.containerUrl('data'),
      prefix: 'coco/images/',
      access: typed(storage.sas('data', 'rl')),
      fetch,
    });
    expect(images.ok && images.value.blobs.map((b) => b.path)).toEqual(['coco/images/a.jpg']);
  });

  it('refuses a token without List permission, and says it can read but not list', async () => {
    const listing = await browseContainer({
      location: storage.containerUrl('data'),
      access: typed(storage.sas('data', 'r')),
      fetch,
    });
    expect(listing).toMatchObject({
      ok: false,
      error: {
        kind: 'storage',
        code: 'noListPermission',
        message: expect.stringContaining('The SAS token can read but not list'),
      },
    });
  });

  it('passes on Storage’s own refusal: an account SAS for objects only cannot list', async () => {
    const listing = await browseContainer({
      location: storage.containerUrl('data'),
      access: typed(storage.accountSas('rl', 'o')),
      fetch,
    });
    expect(listing).toMatchObject({
      ok: false,
      error: {
        kind: 'storage',
        code: 'noListPermission',
        status: 403,
        message: expect.stringContaining('resource types are "o"'),
      },
    });
  });

  it('asks for a SAS token when the container is not open to anonymous listing', async () => {
    const anonymous = await browseContainer({
      location: storage.containerUrl('data'),
      access: { source: 'none' },
      fetch,
    });
    expect(anonymous).toMatchObject({
      ok: false,
      error: {
        kind: 'storage',
        code: 'publicAccessDenied',
        message: expect.stringContaining('Choose SAS token'),
      },
    });
  });

  it('names an expired token with its date, and a container that does not exist', async () => {
    const expired = await browseContainer({
      location: storage.containerUrl('data'),
      access: typed(storage.sas('data', 'rl', { startsInHours: -48, expiresInHours: -24 })),
      fetch,
    });
    expect(expired).toMatchObject({
      ok: false,
      error: {
        code: 'sasExpired',
        message: expect.stringMatching(/^The SAS token expired on \d{4}-\d\d-\d\d/),
      },
    });
    const missing = await browseContainer({
      location: `${storage.azurite.blobEndpoint}/nosuchcontainer`,
      access: typed(storage.accountSas('rl', 'sco')),
      fetch,
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'containerNotFound', message: expect.stringContaining('nosuchcontainer') },
    });
  });

  it('refuses an address that is not Blob Storage without sending anything', async () => {
    let sent = 0;
    const listing = await browseContainer({
      location: 'https://example.com/data/x.json',
      access: typed('sp=rl&sig=x'),
      fetch: (input, init) => {
        sent += 1;
        return fetch(input, init);
      },
    });
    expect(listing).toMatchObject({ ok: false, error: { kind: 'storage', code: 'notBlobUrl' } });
    expect(sent).toBe(0);
  });
});
