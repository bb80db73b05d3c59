// `node --import tsx bench/coco-check-worker.ts app|naive FILE_URL SAS_TOKEN`: checks one
// annotation file in a process of its own, so its memory is the check's alone, and prints one
// JSON line: seconds, the baseline and peak resident memory, and what the check found.
import { performance } from 'node:perf_hooks';

const [mode, fileUrl, sasToken] = process.argv.slice(2);
if ((mode !== 'app' && mode !== 'naive') || !fileUrl || !sasToken) {
  console.error('Usage: coco-check-worker.ts app|naive FILE_URL SAS_TOKEN');
  process.exit(2);
}

const MB = 1024 * 1024;
// The high-water mark misses nothing, even inside a synchronous JSON.parse where no timer runs.
const peakRss = () => process.resourceUsage().maxRSS * 1024;

async function appCheck(): Promise<Record<string, unknown>> {
  const { startAnnotationCheck } = await import('../electron/core/storage/annotation-check');
  const job = startAnnotationCheck({
    checkId: 'bench',
    uris: [fileUrl!],
    kind: 'imageClassification',
    purpose: 'training',
    images: 'sample',
    access: { sasToken: sasToken!, source: 'typed' },
    fetch,
  });
  await job.settled;
  const file = job.snapshot().files[0]!;
  return {
    state: file.state,
    images: file.report?.statistics.images,
    annotations: file.report?.statistics.annotations,
    errors: file.report?.errorCount,
    imagesRead: file.images?.checked,
    imagesUnreachable: file.images?.unreachableTotal,
    problem: file.problem?.message,
  };
}

async function naiveCheck(): Promise<Record<string, unknown>> {
  const { naiveCocoCheck } = await import('./naive-coco-check');
  const response = await fetch(`${fileUrl!}?${sasToken!}`);
  if (!response.ok) throw new Error(`The file could not be read: HTTP ${response.status}`);
  const text = await response.text();
  return naiveCocoCheck(JSON.parse(text) as unknown);
}

// Each way loads only its own code; the fetch stack is warmed before the baseline is taken.
await (mode === 'app'
  ? import('../electron/core/storage/annotation-check')
  : import('./naive-coco-check'));
await fetch(`${fileUrl}?${sasToken}`, { method: 'HEAD' });
const baseline = process.memoryUsage().rss;
const began = performance.now();
const found = mode === 'app' ? await appCheck() : await naiveCheck();
const seconds = (performance.now() - began) / 1000;
const peak = Math.max(peakRss(), process.memoryUsage().rss);
console.info(
  JSON.stringify({
    mode,
    seconds,
    baselineMB: baseline / MB,
    peakMB: peak / MB,
    growthMB: (peak - baseline) / MB,
    found,
  }),
);
