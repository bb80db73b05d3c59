import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../../emulator/storage/png';
import { startTestStorage } from '../../test-support/azurite-blobs';
import type { TestStorage } from '../../test-support/azurite-blobs';
import { parseBlobUrl } from './blob-url';
import type { BlobLocation } from './blob-url';
import type { ResolvedAccess } from './storage-access';
import { createThumbnailStore, sniffImageType, thumbnailHttpAnswer } from './thumbnails';

let storage: TestStorage;
let base = '';
let file: BlobLocation;
const png = encodePng(4, 3, () => [200, 10, 10]);

/** Every URL the store sent: the only place a signed URL may appear. */
const sent: string[] = [];
const recording: typeof fetch = (input, init) => {
  sent.push(String(input));
  return fetch(input, init);
};

beforeAll(async () => {
  storage = await startTestStorage();
  base = storage.containerUrl('thumbs');
  await storage.upload('thumbs', 'images/red.png', png);
  await storage.upload('thumbs', 'images/page.png', '<html><script>alert(1)</script></html>');
  await storage.upload('thumbs', 'images/big.png', Buffer.concat([png, Buffer.alloc(2048)]));
  const parsed = parseBlobUrl(`${base}/coco/train.json`);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  file = parsed.value;
}, 120_000);

afterAll(async () => {
  await storage?.stop();
});

const typed = (sasToken: string): ResolvedAccess => ({ sasToken, source: 'typed' });

function storeWith(more: Partial<Parameters<typeof createThumbnailStore>[0]> = {}) {
  return createThumbnailStore({ fetch: recording, ...more });
}

describe('thumbnails read by main for the page', () => {
  it('hands back the image bytes, read with the dataset token, by an opaque id', async () => {
    const token = storage.sas('thumbs', 'r');
    const store = storeWith();
    const id = store.add('check-1', {
      imageUrl: `${base}/images/red.png`,
      file,
      access: typed(token),
    });
    expect(id).toMatch(/^[\w-]{20,}$/);
    expect(id).not.toContain('red');
    const result = await store.read(id);
    expect(result).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(Buffer.from((result as { body: Uint8Array }).body)).toEqual(png);
    expect(sent.at(-1)).toContain('sig=');

    const answer = thumbnailHttpAnswer(result);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'image/png',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(JSON.stringify(answer.headers)).not.toContain('sig=');
  });

  it('refuses what is not an image, whatever its name says', async () => {
    const store = storeWith();
    const id = store.add('c', {
      imageUrl: `${base}/images/page.png`,
      file,
      access: typed(storage.sas('thumbs', 'r')),
    });
    const result = await store.read(id);
    expect(result).toMatchObject({ ok: false, status: 415 });
    const answer = thumbnailHttpAnswer(result);
    expect(answer.headers['Content-Type']).toMatch(/^application\/json/);
    const text = new TextDecoder().decode(answer.body);
    expect(JSON.parse(text)).toMatchObject({
      problem: { message: expect.stringContaining('images/page.png is not a PNG, JPEG') },
    });
    expect(text).not.toContain('<script>');
  });

  it('says why a missing image cannot be shown, with no token or signed URL in the words', async () => {
    const token = storage.sas('thumbs', 'r');
    const store = storeWith();
    const id = store.add('c', {
      imageUrl: `${base}/images/gone.png?sig=abc`,
      file,
      access: typed(token),
    });
    const result = await store.read(id);
    expect(result).toMatchObject({ ok: false, problem: { code: 'blobNotFound' } });
    const words = JSON.stringify(result);
    expect(words).toContain('images/gone.png');
    expect(words).not.toContain('sig=');
    expect(words).not.toContain(token);
  });

  it('says an image too large to preview is so, without reading it all', async () => {
    const store = storeWith({ maxBytes: 1024 });
    const id = store.add('c', {
      imageUrl: `${base}/images/big.png`,
      file,
      access: typed(storage.sas('thumbs', 'r')),
    });
    expect(await store.read(id)).toMatchObject({
      ok: false,
      status: 413,
      problem: { code: 'tooLarge', message: expect.stringContaining('too large to preview') },
    });
  });

  it('forgets the ids of a check let go, the least recently used past the cap, and idle ones', async () => {
    let now = 0;
    const store = storeWith({ maxIds: 2, idleMs: 1_000, now: () => now });
    const access = typed(storage.sas('thumbs', 'r'));
    const source = { imageUrl: `${base}/images/red.png`, file, access };
    const a = store.add('one', source);
    const b = store.add('one', source);
    expect((await store.read(a)).ok).toBe(true);
    store.add('two', source);
    expect(await store.read(b)).toMatchObject({ ok: false, status: 404 });
    expect((await store.read(a)).ok).toBe(true);
    store.forget('one');
    expect(await store.read(a)).toMatchObject({
      ok: false,
      status: 404,
      problem: { message: expect.stringContaining('run Check annotation files again') },
    });
    const c = store.add('three', source);
    now = 5_000;
    expect(await store.read(c)).toMatchObject({ ok: false, status: 404 });
  });

  it('knows the image formats the service reads by their first bytes', () => {
    const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBe('image/gif');
    expect(sniffImageType(bytes(0x42, 0x4d))).toBe('image/bmp');
    const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(
      sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">')),
    ).toBe(undefined);
  });
});

describe('thumbnails read ahead', () => {
  it('reads the images a check shows before the page asks, within a byte budget', async () => {
    const token = storage.sas('thumbs', 'r');
    const store = createThumbnailStore({ fetch: recording, maxKeptBytes: png.byteLength * 2 });
    const source = { imageUrl: `${base}/images/red.png`, file, access: typed(token) };
    const ids = [store.add('c', source), store.add('c', source), store.add('c', source)];
    sent.length = 0;
    store.prefetch(ids);
    await expect.poll(() => sent.length).toBe(3);
    await expect.poll(() => store.keptBytes).toBe(png.byteLength * 2);
    for (const id of ids) expect((await store.read(id)).ok).toBe(true);
    expect(sent).toHaveLength(3);
    // Two were kept; the third, past the budget, was handed over once and is read again.
    expect((await store.read(ids[0]!)).ok).toBe(true);
    expect(sent).toHaveLength(3);
    expect((await store.read(ids[2]!)).ok).toBe(true);
    expect(sent).toHaveLength(4);
    store.forget('c');
    expect(store.keptBytes).toBe(0);
  });
});
