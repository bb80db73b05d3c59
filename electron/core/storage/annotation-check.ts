import { createCocoChecker } from '../../../shared/coco/checker';
import { createImageSampler } from '../../../shared/coco/image-sample';
import type { CocoCheckOptions, CocoImageRef, CocoReport } from '../../../shared/coco/report';
import type {
  CheckProgress,
  FileCheck,
  ImagesReachability,
  StorageProblem,
  UnreachableImage,
} from '../../../shared/storage/check-contract';
import type { ImagePreview } from '../../../shared/storage/image-preview';
import { baseName, parseBlobUrl, withoutQuery } from './blob-url';
import type { BlobLocation } from './blob-url';
import { createAnnotationGatherer, createPreviewCollector, sampledIds } from './image-previews';
import type { AnnotationGatherer, PreviewSample } from './image-previews';
import { redactSecrets } from './redact-secrets';
import { signFor, tokenRefusedFor } from './storage-access';
import type { ResolvedAccess } from './storage-access';
import {
  problemFromNetworkError,
  problemFromResponse,
  sasProblemBeforeSending,
} from './storage-errors';
import type { ThumbnailStore } from './thumbnails';
import { readRefusalContext } from './blob-read';
import { createChangeSignal } from './change-signal';
import type { PolledJob } from './check-registry';

/** The biggest annotation file read: the service itself reads far smaller ones. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;
/** Images read at once: enough to be quick, few enough not to be throttled. */
export const IMAGE_CONCURRENCY = 8;
/** Images picked at random besides the first and the last, for `sample`. */
export const SAMPLE_SIZE = 50;
/** The most images read for `all`: their references are kept in memory while the file is read. */
export const MAX_ALL_IMAGES = 200_000;
/** Unreachable images listed; the total is still counted. */
export const MAX_UNREACHABLE_LISTED = 100;
const IMAGE_TIMEOUT_MS = 30_000;

export interface AnnotationCheckInput {
  checkId: string;
  uris: string[];
  kind: 'imageClassification' | 'imageObjectDetection';
  purpose: 'training' | 'evaluation';
  images: 'sample' | 'all';
  access: ResolvedAccess;
  fetch: typeof fetch;
  /** Told of a failure no rule explains (a bug), for the log; never shown to the page. */
  onUnexpected?: (error: unknown) => void;
  /** Where the sampled images' addresses are kept for the page to see them; no previews without. */
  thumbnails?: ThumbnailStore;
  /** Overrides, for tests. */
  limits?: { maxFileBytes?: number; maxAllImages?: number };
}

/** A running (or finished) check, as the registry drives it. */
export type CheckJob = PolledJob<CheckProgress>;

class Cancelled extends Error {}

function fileFraction(file: FileCheck): number {
  switch (file.state) {
    case 'waiting':
    case 'cancelled':
      return 0;
    case 'reading':
      return file.bytesTotal
        ? (0.5 * Math.min(file.bytesRead, file.bytesTotal)) / file.bytesTotal
        : 0.1;
    case 'images': {
      const images = file.images;
      return images && images.toCheck > 0 ? 0.5 + (0.5 * images.checked) / images.toCheck : 0.5;
    }
    default:
      return 1;
  }
}

/**
 * Checks annotation files where they live: each file is streamed from Blob Storage into the
 * COCO checker (never held whole), then its images (a sample, or all) are read with HEAD to
 * prove the service will reach them. Files go one after the other, in the order given.
 */
export function startAnnotationCheck(input: AnnotationCheckInput): CheckJob {
  const controller = new AbortController();
  const { signal } = controller;
  const maxFileBytes = input.limits?.maxFileBytes ?? MAX_FILE_BYTES;
  const maxAllImages = input.limits?.maxAllImages ?? MAX_ALL_IMAGES;
  const notices: string[] = [];
  const progress: CheckProgress = {
    checkId: input.checkId,
    state: 'running',
    purpose: input.purpose,
    fraction: 0,
    files: input.uris.map((uri) => {
      const parsed = parseBlobUrl(uri);
      const clean = parsed.ok ? parsed.value.url : withoutQuery(uri.trim());
      return {
        uri: clean,
        name: parsed.ok ? baseName(parsed.value.blobName) || clean : clean,
        state: 'waiting',
        bytesRead: 0,
      };
    }),
  };

  const updates = createChangeSignal();
  const touch = updates.touch;
  const finished = () => progress.state !== 'running';

  const throwIfCancelled = () => {
    if (signal.aborted) throw new Cancelled();
  };

  const fail = (file: FileCheck, problem: StorageProblem) => {
    // A refusal read while the check was cancelled is the cancel's doing, not the file's.
    throwIfCancelled();
    file.problem = problem;
    file.state = 'failed';
    touch();
  };

  async function send(url: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await input.fetch(url, {
        ...init,
        signal: AbortSignal.any([signal, ...(init.signal ? [init.signal] : [])]),
      });
    } catch (error) {
      throwIfCancelled();
      throw error;
    }
  }

  /** Streams the file into the checker; the images and annotations it meets go to `seen`. */
  async function readFile(
    file: FileCheck,
    location: BlobLocation,
    seen: Pick<CocoCheckOptions, 'onImage' | 'onAnnotation'>,
  ): Promise<CocoReport | undefined> {
    const request = signFor(location, location, input.access);
    const context = readRefusalContext(request, location);
    let response: Response;
    try {
      response = await send(request.url);
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      fail(file, problemFromNetworkError(error, new URL(location.accountUrl).host));
      return undefined;
    }
    if (!response.ok) {
      fail(file, await problemFromResponse(response, context));
      return undefined;
    }
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length >= 0 && response.headers.has('content-length')) {
      file.bytesTotal = length;
    }
    const tooLarge = (): StorageProblem => ({
      code: 'tooLarge',
      message: `${file.name} is larger than ${Math.round(maxFileBytes / 1024 ** 2).toLocaleString('en-US')} MB, more than this check reads. Split it into smaller annotation files.`,
    });
    if (file.bytesTotal !== undefined && file.bytesTotal > maxFileBytes) {
      await response.body?.cancel().catch(() => {});
      fail(file, tooLarge());
      return undefined;
    }
    touch();

    const checker = createCocoChecker({ kind: input.kind, purpose: input.purpose, ...seen });
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) break;
          file.bytesRead += chunk.value.byteLength;
          if (file.bytesRead > maxFileBytes) {
            await reader.cancel().catch(() => {});
            fail(file, tooLarge());
            return undefined;
          }
          checker.write(chunk.value);
          touch();
        }
      } catch (error) {
        throwIfCancelled();
        fail(file, problemFromNetworkError(error, new URL(location.accountUrl).host));
        return undefined;
      }
    }
    return checker.end();
  }

  async function readImage(
    ref: CocoImageRef,
    file: BlobLocation,
  ): Promise<StorageProblem | undefined> {
    const parsed = parseBlobUrl(ref.url);
    if (!parsed.ok) return parsed.problem;
    const target = parsed.value;
    const request = signFor(target, file, input.access);
    const context = readRefusalContext(request, target);
    const timeout = AbortSignal.timeout(IMAGE_TIMEOUT_MS);
    try {
      let response = await send(request.url, { method: 'HEAD', signal: timeout });
      if (response.status === 405 || response.status === 501) {
        // Some proxies refuse HEAD: the first byte alone proves the image can be read.
        response = await send(request.url, { headers: { Range: 'bytes=0-0' }, signal: timeout });
        if (response.ok) await response.body?.cancel().catch(() => {});
      }
      return response.ok ? undefined : await problemFromResponse(response, context);
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      return problemFromNetworkError(error, new URL(target.accountUrl).host);
    }
  }

  async function checkImages(
    file: FileCheck,
    location: BlobLocation,
    refs: CocoImageRef[],
  ): Promise<void> {
    const images: ImagesReachability = {
      checked: 0,
      toCheck: refs.length,
      unreachableTotal: 0,
      unreachable: [],
      scope: input.images,
    };
    file.images = images;
    file.state = 'images';
    touch();
    const found: (UnreachableImage & { index: number })[] = [];
    let next = 0;
    const worker = async () => {
      while (next < refs.length) {
        const ref = refs[next]!;
        next += 1;
        const problem = await readImage(ref, location);
        throwIfCancelled();
        images.checked += 1;
        if (problem) {
          images.unreachableTotal += 1;
          found.push({
            index: ref.index,
            location: `images[${ref.index}]`,
            fileName: ref.fileName,
            url: withoutQuery(ref.url),
            problem,
          });
          // In the file's order, whichever finished first: the first 100 of the file.
          found.sort((a, b) => a.index - b.index);
          found.length = Math.min(found.length, MAX_UNREACHABLE_LISTED);
          images.unreachable = found.map(({ index: _index, ...image }) => image);
        }
        touch();
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMAGE_CONCURRENCY, refs.length) }, worker));
  }

  /**
   * The annotations of `ids`, from a second read of the file: for a file that lists images
   * after annotations, whose sample was not known while its annotations went by. Undefined when
   * the file cannot be read again (the previews are then left out, not shown without labels).
   */
  async function gatherAgain(
    location: BlobLocation,
    ids: Set<number>,
  ): Promise<AnnotationGatherer | undefined> {
    const gatherer = createAnnotationGatherer(ids);
    const checker = createCocoChecker({
      kind: input.kind,
      purpose: input.purpose,
      maxPerRule: 1,
      onAnnotation: gatherer.add,
    });
    try {
      const response = await send(signFor(location, location, input.access).url);
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => {});
        return undefined;
      }
      const reader = response.body.getReader();
      let bytes = 0;
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        bytes += chunk.value.byteLength;
        if (bytes > maxFileBytes) {
          await reader.cancel().catch(() => {});
          return undefined;
        }
        checker.write(chunk.value);
      }
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      return undefined;
    }
    return gatherer;
  }

  /** The sampled images to show, each with an id for its bytes and its annotations. */
  async function previewsOf(
    sample: PreviewSample,
    location: BlobLocation,
    thumbnails: ThumbnailStore,
  ): Promise<ImagePreview[] | undefined> {
    const gathered = sample.gathered ?? (await gatherAgain(location, sampledIds(sample.images)));
    throwIfCancelled();
    if (!gathered) return undefined;
    return sample.images.map((ref) => {
      const { annotations, total } = gathered.of(ref.imageId);
      return {
        thumbnailId: thumbnails.add(input.checkId, {
          imageUrl: ref.url,
          file: location,
          access: input.access,
        }),
        location: `images[${ref.index}]`,
        fileName: ref.fileName,
        ...(ref.width !== undefined && ref.height !== undefined
          ? { width: ref.width, height: ref.height }
          : {}),
        annotations,
        annotationsTotal: total,
      };
    });
  }

  async function checkFile(file: FileCheck, uri: string): Promise<void> {
    const parsed = parseBlobUrl(uri);
    if (!parsed.ok) return fail(file, parsed.problem);
    const location = parsed.value;
    if (!location.blobName) {
      return fail(file, {
        code: 'notBlobUrl',
        message: `${location.url} is a container; give the address of the annotation file in it (a .json file), or pick it with Browse files.`,
      });
    }
    if (input.access.unreadable) return fail(file, input.access.unreadable);
    const refused = tokenRefusedFor(location, input.access);
    if (refused) return fail(file, refused);
    if (input.access.sasToken) {
      const early = sasProblemBeforeSending(input.access.sasToken, 'read');
      if (early) return fail(file, early);
    }

    file.state = 'reading';
    touch();
    const sampler = createImageSampler(SAMPLE_SIZE);
    // The images shown are the ones read for `sample`; for `all`, a sample of their own.
    const thumbnails = input.thumbnails;
    const previews = thumbnails
      ? createPreviewCollector(
          input.images === 'sample' ? sampler : createImageSampler(SAMPLE_SIZE),
        )
      : undefined;
    const all: CocoImageRef[] = [];
    let capped = false;
    const onImage =
      input.images === 'sample'
        ? (ref: CocoImageRef) => (previews ? previews.image(ref) : sampler.add(ref))
        : (ref: CocoImageRef) => {
            previews?.image(ref);
            if (all.length < maxAllImages) all.push(ref);
            else capped = true;
          };
    const report = await readFile(file, location, {
      onImage,
      ...(previews && { onAnnotation: previews.annotation }),
    });
    if (!report) return;
    if (previews && thumbnails) {
      const shown = await previewsOf(previews.result(), location, thumbnails);
      if (shown) {
        file.previews = shown;
        // Read while the page gets the report, so its first asks are answered from memory.
        thumbnails.prefetch(shown.map((preview) => preview.thumbnailId));
      }
    }
    file.report = report;
    if (capped) {
      notices.push(
        `${file.name} lists more than ${maxAllImages.toLocaleString('en-US')} images; the first ${maxAllImages.toLocaleString('en-US')} were read.`,
      );
    }
    await checkImages(file, location, input.images === 'sample' ? sampler.result() : all);
    throwIfCancelled();
    file.state = 'done';
    touch();
  }

  const settled = (async () => {
    try {
      if (input.access.unreadable) notices.push(input.access.unreadable.message);
      for (const [i, file] of progress.files.entries()) {
        throwIfCancelled();
        try {
          await checkFile(file, input.uris[i]!);
        } catch (error) {
          if (error instanceof Cancelled || signal.aborted) throw new Cancelled();
          // The next file may still be fine; the message holds nothing the error carried.
          input.onUnexpected?.(error);
          fail(file, {
            code: 'other',
            message: `The check of ${file.name} stopped on an unexpected problem. Try again; if it persists, restart the app.`,
          });
        }
      }
      progress.state = 'done';
    } catch {
      // Cancelled: cancel() has marked the files already.
    } finally {
      touch();
    }
  })();

  return {
    checkId: input.checkId,
    get version() {
      return updates.version;
    },
    get finished() {
      return finished();
    },
    settled,
    snapshot() {
      const files = progress.files;
      const fraction =
        progress.state === 'done'
          ? 1
          : files.reduce((sum, f) => sum + fileFraction(f), 0) / Math.max(1, files.length);
      return redactSecrets(
        {
          ...progress,
          fraction,
          ...(notices.length > 0 && { notice: notices.join(' ') }),
        },
        input.access.sasToken,
      );
    },
    changedSince: updates.changedSince,
    cancel() {
      if (finished()) return;
      progress.state = 'cancelled';
      for (const file of progress.files) {
        if (file.state === 'waiting' || file.state === 'reading' || file.state === 'images') {
          file.state = 'cancelled';
        }
      }
      controller.abort();
      input.thumbnails?.forget(input.checkId);
      touch();
    },
  };
}
