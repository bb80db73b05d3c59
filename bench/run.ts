// `npm run bench [-- --json FILE]`: measures every figure in 3 rounds of one run and prints
// each as min / median / max beside its goal, with the raw numbers behind it; --json also
// writes them to FILE.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ConnectionSummary } from '../shared/ipc/contract';
import { startBrowserModeApp } from './browser-mode-app';
import type { BrowserModeApp } from './browser-mode-app';
import { measureEmulatorThroughput } from './emulator-throughput';
import type { Figure, FigureName } from './figure';
import { combineRounds, FIGURE_NAMES, unmeasured } from './figure';
import { measureFirstRows } from './first-rows';
import { measureFirstThumbnails } from './first-thumbnails';
import { measureCocoCheck, prepareCocoBenchFile } from './coco-check';
import type { CocoBenchFile } from './coco-check';
import { measureListSpeedup, measureListThrottledEfficiency } from './list-speedup';
import { machineInfo } from './machine';
import { ensureRendererBuild } from './renderer-build';
import { measureRendererSize } from './renderer-size';
import { printReport, writeJsonReport } from './report';
import type { Figures } from './report';
import { measureSaveOverhead } from './save-overhead';
import { measureBulkEdit } from './bulk-edit';
import { startSeededEmulator } from './seeded-emulator';
import type { SeededEmulator } from './seeded-emulator';
import { measureStartReady } from './start-ready';
import { round } from './stats';

/** Every figure is measured this many times, each round going through every figure in turn. */
const ROUNDS = 3;
/** The service's latency for the figures that compare the app with a plain client. */
const LATENCY_MS = 20;

const { values: args } = parseArgs({ options: { json: { type: 'string' } }, strict: true });
const began = performance.now();
const loadAtStart = loadavg()[0]!;
const rounds: Partial<Record<FigureName, Figure[]>> = {};

function progress(message: string): void {
  console.info(`[${((performance.now() - began) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

/** A figure that fails to measure is reported as such for that round; the others still run. */
async function measure(
  names: FigureName[],
  run: () => Promise<Partial<Record<FigureName, Figure>>>,
): Promise<void> {
  let got: Partial<Record<FigureName, Figure>>;
  try {
    got = await run();
  } catch (error) {
    const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
    got = Object.fromEntries(names.map((name) => [name, unmeasured(name, reason)]));
  }
  for (const name of names) {
    (rounds[name] ??= []).push(got[name] ?? unmeasured(name, 'not measured'));
  }
}

/** The emulator with 10,000 datasets and the app in browser mode, kept for every round. */
async function startComparison(): Promise<{
  emulator: SeededEmulator;
  app: BrowserModeApp;
  connectionId: string;
}> {
  progress(`registering 10,000 datasets in an emulator process, then ${LATENCY_MS} ms latency`);
  const emulator = await startSeededEmulator(LATENCY_MS);
  const app = await startBrowserModeApp();
  const connection = await app.call<ConnectionSummary>('connections:add', {
    name: 'Bench emulator',
    endpoint: emulator.url,
    key: emulator.key,
  });
  return { emulator, app, connectionId: connection.id };
}

progress('building the renderer if out/ is missing or stale');
const build = ensureRendererBuild();
let comparison: Awaited<ReturnType<typeof startComparison>> | undefined;
try {
  comparison = await startComparison();
} catch (error) {
  progress(`the emulator comparisons cannot run: ${(error as Error).message}`);
}

progress('writing a COCO file of 1,000,000 images to a local Azurite');
let cocoFile: CocoBenchFile | undefined;
let cocoFileError = '';
try {
  cocoFile = await prepareCocoBenchFile();
} catch (error) {
  cocoFileError = (error as Error).message;
  progress(`the COCO check cannot run: ${cocoFileError}`);
}

for (let r = 1; r <= ROUNDS; r++) {
  progress(`round ${r} of ${ROUNDS}: renderer size`);
  await measure(['rendererGzipKB'], async () => ({ rendererGzipKB: measureRendererSize(build) }));
  progress(`round ${r}: emulator throughput (emulator and load generator in their own processes)`);
  await measure(['emulatorReqPerSec'], async () => ({
    emulatorReqPerSec: await measureEmulatorThroughput(),
  }));
  progress(
    `round ${r}: listing 10,000 datasets, naive and by the client, ${LATENCY_MS} ms latency`,
  );
  await measure(['listSpeedup'], async () => {
    if (!comparison) throw new Error('the seeded emulator did not start');
    const { emulator, app, connectionId } = comparison;
    return { listSpeedup: await measureListSpeedup(emulator, app, connectionId, LATENCY_MS) };
  });
  progress(`round ${r}: saving through the app and bare, alternately`);
  await measure(['saveOverheadRatio', 'saveOverheadMs'], async () => {
    if (!comparison) throw new Error('the seeded emulator did not start');
    const { emulator, app, connectionId } = comparison;
    return measureSaveOverhead(emulator, app, connectionId, LATENCY_MS);
  });
  progress(`round ${r}: 100 datasets saved by Edit selected and one at a time`);
  await measure(['bulkEditPerSec'], async () => {
    if (!comparison) throw new Error('the seeded emulator did not start');
    const { app, connectionId } = comparison;
    return measureBulkEdit(app, connectionId, LATENCY_MS, r);
  });
  progress(`round ${r}: listing under a rate limit`);
  await measure(['listThrottledEfficiency'], async () => ({
    listThrottledEfficiency: await measureListThrottledEfficiency(),
  }));
  progress(`round ${r}: first rows in Chromium`);
  await measure(['firstRowsMs', 'domRows'], async () => ({ ...(await measureFirstRows()) }));
  progress(`round ${r}: first thumbnails in Chromium (50 images in Azurite)`);
  await measure(['firstThumbnailsMs'], async () => ({
    firstThumbnailsMs: await measureFirstThumbnails(),
  }));
  progress(`round ${r}: checking the 1,000,000-image COCO file, by the app and naively`);
  await measure(['cocoCheckSeconds', 'cocoCheckPeakMB'], async () => {
    if (!cocoFile) throw new Error(`the COCO file could not be made: ${cocoFileError}`);
    return measureCocoCheck(cocoFile);
  });
  progress(`round ${r}: starts of npm run web`);
  await measure(['startReadyMs'], async () => ({ startReadyMs: await measureStartReady() }));
}
await cocoFile?.stop();
if (comparison) {
  await comparison.app.close();
  await comparison.emulator.stop();
}
progress('done');

const figures = Object.fromEntries(
  FIGURE_NAMES.map((name) => [name, combineRounds(name, rounds[name] ?? [])]),
) as Figures;
const machine = machineInfo();
const run = {
  rounds: ROUNDS,
  seconds: Math.round((performance.now() - began) / 1000),
  loadAverageAtStart: round(loadAtStart),
  loadAverageAtEnd: round(loadavg()[0]!),
};
printReport(figures, machine, run);
if (args.json) {
  writeJsonReport(args.json, figures, machine, run);
  console.info(`\nWrote ${args.json}`);
}
