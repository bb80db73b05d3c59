import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cocoChunks, cocoText } from '../../../shared/coco/fixtures';
import type { CheckProgress, FileCheck } from '../../../shared/storage/check-contract';
import { startTestStorage } from '../../test-support/azurite-blobs';
import type { TestStorage } from '../../test-support/azurite-blobs';
import { startAnnotationCheck } from './annotation-check';
import type { AnnotationCheckInput, CheckJob } from './annotation-check';
import type { ResolvedAccess } from './storage-access';
import { createThumbnailStore } from './thumbnails';

let storage: TestStorage;
let base = '';

/** Every request the checks sent: method and full URL (with any token). */
const sent: { method: string; url: string }[] = [];
const recording: typeof fetch = (input, init) => {
  sent.push({ method: init?.method ?? 'GET', url: String(input) });
  return fetch(input, init);
};

beforeAll(async () => {
  storage = await startTestStorage();
  base = storage.containerUrl('data');
  for (const n of [1, 2, 3]) {
    await storage.upload('data', `images/${String(n).padStart(6, '0')}.jpg`, `jpeg ${n}`);
  }
  await storage.upload(
    'data',
    'coco/train.json',
    cocoText({ kind: 'imageObjectDetection', images: 3, categories: 1, baseUrl: base }),
  );
  await storage.upload(
    'data',
    'coco/annotations-first.json',
    cocoText({
      kind: 'imageObjectDetection',
      images: 3,
      categories: 1,
      baseUrl: base,
      annotationsFirst: true,
    }),
  );
  await storage.upload('data', 'coco/empty.json', '');
  await storage.upload('data', 'coco/notes.json', 'These are my notes, not JSON.');
}, 120_000);

afterAll(async () => {
  await storage?.stop();
});

const typed = (sasToken: string): ResolvedAccess => ({ sasToken, source: 'typed' });

function check(
  uris: string[],
  access: ResolvedAccess,
  more: Partial<AnnotationCheckInput> = {},
): CheckJob {
  return startAnnotationCheck({
    checkId: 'c1',
    uris,
    kind: 'imageObjectDetection',
    purpose: 'training',
    images: 'sample',
    access,
    fetch: recording,
    ...more,
  });
}

async function finished(job: CheckJob): Promise<CheckProgress> {
  await job.settled;
  return job.snapshot();
}

const only = (progress: CheckProgress): FileCheck => {
  expect(progress.files).toHaveLength(1);
  return progress.files[0]!;
};

describe('checking annotation files where they live', () => {
  it('reads a valid file and its images: no problems, every sampled image reachable', async () => {
    const token = storage.sas('data', 'r');
    const progress = await finished(check([`${base}/coco/train.json`], typed(token)));
    expect(progress).toMatchObject({ state: 'done', fraction: 1 });
    const file = only(progress);
    expect(file).toMatchObject({
      uri: `${base}/coco/train.json`,
      name: 'train.json',
      state: 'done',
      report: { errorCount: 0, statistics: { images: 3, annotations: 6, categories: 1 } },
      images: { checked: 3, toCheck: 3, unreachableTotal: 0, unreachable: [], scope: 'sample' },
    });
    expect(file.bytesRead).toBe(file.bytesTotal);
    expect(file.bytesRead).toBeGreaterThan(100);
    const sig = new URLSearchParams(token).get('sig')!;
    expect(JSON.stringify(progress)).not.toContain(sig);
  });

  it('lists an image that does not exist as unreachable, at its place in the file', async () => {
    const coco = JSON.parse(
      cocoText({ kind: 'imageObjectDetection', images: 3, categories: 1, baseUrl: base }),
    ) as { images: { coco_url: string }[] };
    coco.images[1]!.coco_url = `${base}/images/missing.jpg`;
    await storage.upload('data', 'coco/one-missing.json', JSON.stringify(coco));
    const progress = await finished(
      check([`${base}/coco/one-missing.json`], typed(storage.sas('data', 'r')), { images: 'all' }),
    );
    expect(only(progress).images).toEqual({
      checked: 3,
      toCheck: 3,
      unreachableTotal: 1,
      scope: 'all',
      unreachable: [
        {
          location: 'images[1]',
          fileName: 'images/000002.jpg',
          url: `${base}/images/missing.jpg`,
          problem: expect.objectContaining({ code: 'blobNotFound', status: 404 }),
        },
      ],
    });
  });

  it('names an expired token and one without Read permission, and reads nothing more', async () => {
    const expired = await finished(
      check(
        [`${base}/coco/train.json`],
        typed(storage.sas('data', 'r', { startsInHours: -48, expiresInHours: -24 })),
      ),
    );
    expect(only(expired)).toMatchObject({
      state: 'failed',
      problem: { code: 'sasExpired', message: expect.stringMatching(/^The SAS token expired on /) },
    });
    const listOnly = await finished(
      check([`${base}/coco/train.json`], typed(storage.sas('data', 'l'))),
    );
    expect(only(listOnly)).toMatchObject({
      state: 'failed',
      problem: { code: 'noReadPermission', message: expect.stringContaining('Read (r)') },
    });
  });

  it('passes on Storage’s refusal of a token that claims what it cannot do', async () => {
    // An account SAS for containers only: `sp` has `r`, so only Storage can refuse it.
    const progress = await finished(
      check([`${base}/coco/train.json`], typed(storage.accountSas('r', 'c'))),
    );
    expect(only(progress)).toMatchObject({
      state: 'failed',
      problem: { code: 'noReadPermission', status: 403 },
    });
  });

  it('reports a file that is not JSON, and an empty one, with the checker’s problem', async () => {
    const progress = await finished(
      check(
        [`${base}/coco/notes.json`, `${base}/coco/empty.json`],
        typed(storage.sas('data', 'r')),
      ),
    );
    const [notes, empty] = progress.files;
    expect(notes).toMatchObject({ state: 'done', report: { errorCount: 1 } });
    expect(notes?.report?.problems[0]).toMatchObject({ rule: 'json-syntax' });
    expect(empty).toMatchObject({ state: 'done', bytesRead: 0 });
    expect(empty?.report?.problems[0]?.instances[0]?.message).toContain(
      'The file is empty (0 bytes)',
    );
  });

  it('reports a file that is not there, and an address that is not Blob Storage', async () => {
    const progress = await finished(
      check(
        [`${base}/coco/nope.json`, 'https://example.com/coco.json', storage.containerUrl('data')],
        typed(storage.sas('data', 'r')),
      ),
    );
    expect(progress.files.map((f) => [f.state, f.problem?.code])).toEqual([
      ['failed', 'blobNotFound'],
      ['failed', 'notBlobUrl'],
      ['failed', 'notBlobUrl'],
    ]);
  });

  it('keeps the token from an image on another storage account, and says so when it is refused', async () => {
    // Another origin is another account: the file is on 127.0.0.1, this image on localhost.
    const elsewhere = `http://localhost:${storage.azurite.port}/devstoreaccount1/data/images/000001.jpg`;
    const coco = JSON.parse(
      cocoText({ kind: 'imageObjectDetection', images: 2, categories: 1, baseUrl: base }),
    ) as { images: { coco_url: string }[] };
    coco.images[0]!.coco_url = elsewhere;
    await storage.upload('data', 'coco/elsewhere.json', JSON.stringify(coco));
    sent.length = 0;
    const progress = await finished(
      check([`${base}/coco/elsewhere.json`], typed(storage.sas('data', 'r')), { images: 'all' }),
    );
    const toElsewhere = sent.filter((r) => r.url.startsWith('http://localhost:'));
    expect(toElsewhere).toEqual([{ method: 'HEAD', url: elsewhere }]);
    expect(sent.filter((r) => r.url.includes('sig=')).length).toBeGreaterThanOrEqual(2);
    expect(only(progress).images?.unreachable).toEqual([
      expect.objectContaining({
        location: 'images[0]',
        problem: expect.objectContaining({
          code: 'publicAccessDenied',
          message: expect.stringContaining(
            'The SAS token was not sent there because it belongs to another storage account',
          ),
        }),
      }),
    ]);
  });

  it('never lets a token or a signed URL into the progress, even one written in the file', async () => {
    const token = storage.sas('data', 'r');
    const coco = JSON.parse(
      cocoText({ kind: 'imageObjectDetection', images: 2, categories: 1, baseUrl: base }),
    ) as { images: { coco_url: string }[] };
    coco.images[0]!.coco_url = `${base}/images/000001.jpg?${token}`;
    coco.images[1]!.coco_url = `${base}/images/gone.jpg?${token}`;
    await storage.upload('data', 'coco/signed.json', JSON.stringify(coco));
    const job = check([`${base}/coco/signed.json`], typed(token), { images: 'all' });
    const seen = [JSON.stringify(job.snapshot())];
    while (!job.finished) {
      await job.changedSince(job.version);
      seen.push(JSON.stringify(job.snapshot()));
    }
    const progress = await finished(job);
    expect(only(progress).images?.unreachable.map((u) => u.url)).toEqual([
      `${base}/images/gone.jpg`,
    ]);
    const sig = new URLSearchParams(token).get('sig')!;
    for (const text of [...seen, JSON.stringify(progress)]) {
      expect(text).not.toContain(sig);
      expect(text).not.toContain(encodeURIComponent(sig));
      expect(text).not.toContain('sig=');
    }
  });

  it('cancels a check of a large file promptly: the read stops and the file says cancelled', async () => {
    // About 20 MB, made as it is uploaded; each piece read is slowed down, as over a slow link.
    const chunks = [
      ...cocoChunks({
        kind: 'imageObjectDetection',
        images: 50_000,
        categories: 10,
        baseUrl: base,
      }),
    ];
    const body = Buffer.from(chunks.join(''));
    await storage.upload('data', 'coco/large.json', body);
    const slow: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!response.body) return response;
      const paced = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          async transform(chunk, controller) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(paced, { status: response.status, headers: response.headers });
    };
    const job = check(
      [`${base}/coco/large.json`, `${base}/coco/train.json`],
      typed(storage.sas('data', 'r')),
      {
        fetch: slow,
      },
    );
    while (job.snapshot().files[0]!.bytesRead === 0) await job.changedSince(job.version);
    job.cancel();
    const right = job.snapshot();
    expect(right.state).toBe('cancelled');
    expect(right.files.map((f) => f.state)).toEqual(['cancelled', 'cancelled']);
    await job.settled;
    const after = job.snapshot();
    expect(after.files[0]!.bytesTotal).toBe(body.length);
    expect(after.files[0]!.bytesRead).toBeLessThan(body.length);
    expect(after.files.map((f) => f.state)).toEqual(['cancelled', 'cancelled']);
    expect(after.files[0]!.report).toBeUndefined();
    expect(after.fraction).toBeLessThan(1);
  }, 120_000);

  it('reads nothing for a managed identity without a token typed for the check, and says why', async () => {
    sent.length = 0;
    const progress = await finished(
      check([`${base}/coco/train.json`, `${base}/coco/empty.json`], {
        source: 'none',
        unreadable: { code: 'managedIdentityNeedsSas', message: 'needs a SAS' },
      }),
    );
    expect(sent).toEqual([]);
    expect(progress.files.map((f) => f.problem?.code)).toEqual([
      'managedIdentityNeedsSas',
      'managedIdentityNeedsSas',
    ]);
    expect(progress.notice).toBe('needs a SAS');
  });

  it('notes when a file lists more images than are read for all', async () => {
    const progress = await finished(
      check([`${base}/coco/train.json`], typed(storage.sas('data', 'r')), {
        images: 'all',
        limits: { maxAllImages: 2 },
      }),
    );
    expect(only(progress).images).toMatchObject({ toCheck: 2, checked: 2 });
    expect(progress.notice).toContain(
      'train.json lists more than 2 images; the first 2 were read.',
    );
  });

  it('refuses a file larger than the limit without reading it', async () => {
    const progress = await finished(
      check([`${base}/coco/train.json`], typed(storage.sas('data', 'r')), {
        limits: { maxFileBytes: 100 },
      }),
    );
    expect(only(progress)).toMatchObject({
      state: 'failed',
      bytesRead: 0,
      problem: { code: 'tooLarge' },
    });
  });

  describe('the images it shows', () => {
    it('gives each sampled image an opaque id, its size and its annotations, never its address', async () => {
      const token = storage.sas('data', 'r');
      const thumbnails = createThumbnailStore({ fetch });
      const progress = await finished(
        check([`${base}/coco/train.json`], typed(token), { thumbnails }),
      );
      const previews = only(progress).previews!;
      expect(previews.map((p) => [p.location, p.fileName, p.annotationsTotal])).toEqual([
        ['images[0]', 'images/000001.jpg', 2],
        ['images[1]', 'images/000002.jpg', 2],
        ['images[2]', 'images/000003.jpg', 2],
      ]);
      expect(previews[0]).toMatchObject({
        width: 672,
        height: 512,
        annotations: [
          { categoryId: 1, bbox: [0.05, 0.05, 0.3, 0.25] },
          { categoryId: 1, bbox: [0.15, 0.05, 0.3, 0.25] },
        ],
      });
      const text = JSON.stringify(progress);
      expect(text).not.toContain('sig=');
      expect(text).not.toContain(`${base}/images/`);
      const read = await thumbnails.read(previews[0]!.thumbnailId);
      // The fixture's images are text: read with the token, refused as not an image.
      expect(read).toMatchObject({ ok: false, status: 415 });
    });

    it('reads the file again for the annotations when they come before the images', async () => {
      const thumbnails = createThumbnailStore({ fetch });
      sent.length = 0;
      const progress = await finished(
        check([`${base}/coco/annotations-first.json`], typed(storage.sas('data', 'r')), {
          thumbnails,
        }),
      );
      expect(only(progress).previews!.map((p) => p.annotationsTotal)).toEqual([2, 2, 2]);
      expect(sent.filter((r) => r.url.includes('annotations-first.json'))).toHaveLength(2);
    });

    it('shows a sample of the images when every image is read', async () => {
      const thumbnails = createThumbnailStore({ fetch });
      const progress = await finished(
        check([`${base}/coco/train.json`], typed(storage.sas('data', 'r')), {
          images: 'all',
          thumbnails,
        }),
      );
      expect(only(progress).previews).toHaveLength(3);
      expect(thumbnails.size).toBe(3);
    });
  });
});
