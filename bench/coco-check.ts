import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { startAzurite } from '../emulator/storage/azurite';
import type { RunningAzurite } from '../emulator/storage/azurite';
import { cocoChunks } from '../shared/coco/fixtures';
import type { Figure, FigureName } from './figure';
import { measured } from './figure';

const repo = resolve(import.meta.dirname, '..');
export const COCO_IMAGES = 1_000_000;
const CONTAINER = 'bench';
const BLOB = 'classification-1m.json';

export interface CocoBenchFile {
  azurite: RunningAzurite;
  fileUrl: string;
  sasToken: string;
  bytes: number;
  stop(): Promise<void>;
}

/**
 * A classification file of a million images and a million annotations, made as it is
 * uploaded (never whole in memory) to an Azurite of its own, with a read SAS.
 */
export async function prepareCocoBenchFile(): Promise<CocoBenchFile> {
  const azurite = await startAzurite({ memoryLimitMB: 1024 });
  try {
    const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
    const container = new BlobServiceClient(azurite.blobEndpoint, credential).getContainerClient(
      CONTAINER,
    );
    await container.create();
    const chunks = cocoChunks(
      {
        kind: 'imageClassification',
        images: COCO_IMAGES,
        categories: 100,
        baseUrl: `${container.url}/images`,
      },
      5_000,
    );
    const blob = container.getBlockBlobClient(BLOB);
    await blob.uploadStream(Readable.from(chunks, { objectMode: false }), 8 * 1024 * 1024, 4, {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
    const bytes = (await blob.getProperties()).contentLength ?? 0;
    const sasToken = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        permissions: BlobSASPermissions.parse('r'),
        expiresOn: new Date(Date.now() + 24 * 3600_000),
        protocol: SASProtocol.HttpsAndHttp,
      },
      credential,
    ).toString();
    return { azurite, fileUrl: blob.url, sasToken, bytes, stop: () => azurite.stop() };
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}

interface WorkerResult {
  mode: 'app' | 'naive';
  seconds: number;
  baselineMB: number;
  peakMB: number;
  growthMB: number;
  found: Record<string, unknown>;
}

function runWorker(mode: 'app' | 'naive', file: CocoBenchFile): Promise<WorkerResult> {
  const args = ['--import', 'tsx', 'bench/coco-check-worker.ts', mode, file.fileUrl, file.sasToken];
  // The naive way needs room for the whole parsed file.
  if (mode === 'naive') args.unshift('--max-old-space-size=8192');
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((done, failed) => {
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        failed(new Error(`The ${mode} check failed (exit ${code}): ${err.trim().slice(-500)}`));
        return;
      }
      done(JSON.parse(line) as WorkerResult);
    });
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The app's check (electron/core/storage/annotation-check: streamed read, streaming checker, a
 * sample of images) and the naive way (download whole, JSON.parse, check) side by side, each in
 * a fresh process; memory is the growth of resident memory over the process's baseline.
 */
export async function measureCocoCheck(
  file: CocoBenchFile,
): Promise<Partial<Record<FigureName, Figure>>> {
  const app = await runWorker('app', file);
  if (app.found['state'] !== 'done' || app.found['images'] !== COCO_IMAGES) {
    throw new Error(`The app's check did not finish as expected: ${JSON.stringify(app.found)}`);
  }
  const naive = await runWorker('naive', file);
  const details = {
    file: `${(file.bytes / 1024 / 1024).toFixed(0)} MB, ${COCO_IMAGES.toLocaleString('en-US')} images and annotations, in Azurite on loopback`,
    app: { seconds: round2(app.seconds), peakGrowthMB: round2(app.growthMB), found: app.found },
    naive: {
      seconds: round2(naive.seconds),
      peakGrowthMB: round2(naive.growthMB),
      found: naive.found,
    },
  };
  return {
    cocoCheckSeconds: measured('cocoCheckSeconds', round2(app.seconds), {
      ...details,
      naiveSeconds: round2(naive.seconds),
    }),
    cocoCheckPeakMB: measured('cocoCheckPeakMB', round2(app.growthMB), {
      naivePeakGrowthMB: round2(naive.growthMB),
    }),
  };
}
