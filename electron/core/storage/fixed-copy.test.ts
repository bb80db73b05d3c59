import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCocoText } from '../../../shared/coco/checker';
import { brokenCocoFile } from '../../../emulator/storage/sample-files';
import { startTestStorage } from '../../test-support/azurite-blobs';
import type { TestStorage } from '../../test-support/azurite-blobs';
import { createFixedCopyService } from './fixed-copy';
import type { ResolvedAccess } from './storage-access';

let storage: TestStorage;
let base = '';
const brokenText = () => `${JSON.stringify(brokenCocoFile(base), null, 2)}\n`;

/** Every request sent, with its method and full URL. */
const sent: { method: string; url: string }[] = [];
const recording: typeof fetch = (input, init) => {
  sent.push({ method: init?.method ?? 'GET', url: String(input) });
  return fetch(input, init);
};

beforeAll(async () => {
  storage = await startTestStorage();
  base = storage.containerUrl('fixes');
  await storage.upload('fixes', 'coco/broken.json', brokenText());
  await storage.upload('fixes', 'coco/taken.json', brokenText());
  await storage.upload('fixes', 'coco/taken.fixed.json', 'an older fixed copy');
  await storage.upload('fixes', 'coco/race.json', brokenText());
  await storage.upload('fixes', 'coco/notes.json', 'not JSON');
}, 120_000);

afterAll(async () => {
  await storage?.stop();
});

const typed = (sasToken: string): ResolvedAccess => ({ sasToken, source: 'typed' });
const service = (more: Partial<Parameters<typeof createFixedCopyService>[0]> = {}) =>
  createFixedCopyService({ fetch: recording, ...more });

async function blobText(name: string): Promise<string | undefined> {
  const blob = (await storage.container('fixes')).getBlockBlobClient(name);
  if (!(await blob.exists())) return undefined;
  return (await blob.downloadToBuffer()).toString('utf8');
}

describe('fixed copies in Blob Storage', () => {
  it('uploads the copy beside the original, leaving the original as it was', async () => {
    const fixes = service();
    const prepared = await fixes.prepare({
      uri: `${base}/coco/broken.json`,
      kind: 'imageObjectDetection',
      access: typed(storage.sas('fixes', 'rcw')),
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const p = prepared.value;
    expect(p).toMatchObject({
      fileName: 'broken.json',
      fixedName: 'broken.fixed.json',
      fixedUri: `${base}/coco/broken.fixed.json`,
      canUpload: true,
    });
    expect(p.summary.fixed.map((g) => [g.kind, g.count])).toEqual([
      ['pixelBoxes', 6],
      ['imageIds', 6],
      ['annotationIds', 6],
      ['categoryIds', 1],
    ]);

    const uploaded = await fixes.upload(p.fixId);
    expect(uploaded).toEqual({ ok: true, value: { uri: `${base}/coco/broken.fixed.json` } });
    expect(await blobText('coco/broken.json')).toBe(brokenText());
    const copy = await blobText('coco/broken.fixed.json');
    const rules = checkCocoText(copy!, {
      kind: 'imageObjectDetection',
      purpose: 'training',
    }).problems.map((r) => r.rule);
    expect(rules).not.toContain('bbox-relative');
    expect(rules).not.toContain('ids-one-based');
    // Indented like the original.
    expect(copy!.startsWith('{\n  "info"')).toBe(true);
    const props = await (
      await storage.container('fixes')
    )
      .getBlockBlobClient('coco/broken.fixed.json')
      .getProperties();
    expect(props.contentType).toBe('application/json');

    // A second press answers with the same blob and writes nothing more.
    const before = sent.filter((r) => r.method === 'PUT').length;
    expect(await fixes.upload(p.fixId)).toEqual(uploaded);
    expect(sent.filter((r) => r.method === 'PUT').length).toBe(before);
    expect(fixes.download(p.fixId)).toEqual({
      ok: true,
      value: { fileName: 'broken.fixed.json', text: copy },
    });
  });

  it('proposes the next free name when a fixed copy exists, and never overwrites it', async () => {
    const fixes = service();
    const prepared = await fixes.prepare({
      uri: `${base}/coco/taken.json`,
      kind: 'imageObjectDetection',
      access: typed(storage.sas('fixes', 'rcw')),
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.value.fixedName).toBe('taken.fixed-2.json');
    expect((await fixes.upload(prepared.value.fixId)).ok).toBe(true);
    expect(await blobText('coco/taken.fixed.json')).toBe('an older fixed copy');
    expect(await blobText('coco/taken.fixed-2.json')).toContain('"images"');
  });

  it('refuses to overwrite a blob that appeared after the copy was made', async () => {
    const fixes = service();
    const prepared = await fixes.prepare({
      uri: `${base}/coco/race.json`,
      kind: 'imageObjectDetection',
      access: typed(storage.sas('fixes', 'rcw')),
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    await storage.upload('fixes', 'coco/race.fixed.json', 'made meanwhile');
    const uploaded = await fixes.upload(prepared.value.fixId);
    expect(uploaded).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'storage',
        message: expect.stringMatching(/race\.fixed\.json appeared in this folder meanwhile/),
      }),
    });
    expect(await blobText('coco/race.fixed.json')).toBe('made meanwhile');
  });

  it('does not upload with a read-only token, and says why; saving to disk still works', async () => {
    const fixes = service();
    const prepared = await fixes.prepare({
      uri: `${base}/coco/broken.json`,
      kind: 'imageObjectDetection',
      access: typed(storage.sas('fixes', 'rl')),
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.value.canUpload).toBe(false);
    expect(prepared.value.uploadBlockedReason).toMatch(/Create \(c\) or Write \(w\)/);
    const before = sent.filter((r) => r.method === 'PUT').length;
    expect((await fixes.upload(prepared.value.fixId)).ok).toBe(false);
    expect(sent.filter((r) => r.method === 'PUT').length).toBe(before);
    const saved = fixes.download(prepared.value.fixId);
    expect(saved.ok && JSON.parse(saved.value.text).images[0].id).toBe(1);
  });

  it('refuses a file that is not JSON, and one past the size cap, in words', async () => {
    const fixes = service({ maxBytes: 100 });
    const access = typed(storage.sas('fixes', 'r'));
    const notJson = await fixes.prepare({
      uri: `${base}/coco/notes.json`,
      kind: 'imageObjectDetection',
      access,
    });
    expect(!notJson.ok && notJson.error.message).toMatch(/notes\.json is not valid JSON/);
    const big = await fixes.prepare({
      uri: `${base}/coco/broken.json`,
      kind: 'imageObjectDetection',
      access,
    });
    expect(!big.ok && big.error.message).toMatch(/broken\.json is larger than/);
  });

  it('keeps a few copies for a while, then lets them go', async () => {
    let clock = 0;
    const fixes = service({ keep: 2, idleMs: 1_000, now: () => clock });
    const access = typed(storage.sas('fixes', 'r'));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await fixes.prepare({
        uri: `${base}/coco/broken.json`,
        kind: 'imageObjectDetection',
        access,
      });
      if (!p.ok) throw new Error(p.error.message);
      ids.push(p.value.fixId);
    }
    expect(fixes.size).toBe(2);
    expect(fixes.download(ids[0]!)).toMatchObject({ ok: false });
    expect(fixes.download(ids[2]!).ok).toBe(true);
    clock = 5_000;
    expect(fixes.download(ids[2]!)).toEqual({
      ok: false,
      error: expect.objectContaining({ message: expect.stringMatching(/Create fixed copy again/) }),
    });
  });

  it('holds no token in what it hands back', async () => {
    const token = storage.sas('fixes', 'rcw');
    const fixes = service();
    const prepared = await fixes.prepare({
      uri: `${base}/coco/broken.json`,
      kind: 'imageObjectDetection',
      cocoUrlBase: `${base}/images/`,
      access: typed(token),
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const sig = new URLSearchParams(token).get('sig')!;
    expect(JSON.stringify(prepared)).not.toContain(sig);
    const saved = fixes.download(prepared.value.fixId);
    expect(JSON.stringify(saved)).not.toContain(sig);
  });
});
