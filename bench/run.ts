// `npm run bench [-- --json FILE]`: measures every figure in one run and prints them side by
// side with their goals and the raw numbers behind them; --json also writes them to FILE.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ConnectionSummary } from '../shared/ipc/contract';
import { startBrowserModeApp } from './browser-mode-app';
import { measureEmulatorThroughput } from './emulator-throughput';
import type { FigureName } from './figure';
import { unmeasured } from './figure';
import { measureFirstRows } from './first-rows';
import { measureListSpeedup } from './list-speedup';
import { machineInfo } from './machine';
import { ensureRendererBuild } from './renderer-build';
import { measureRendererSize } from './renderer-size';
import { printReport, writeJsonReport } from './report';
import type { Figures } from './report';
import { measureSaveOverhead } from './save-overhead';
import { startSeededEmulator } from './seeded-emulator';
import { round } from './stats';

/** The service's latency for the figures that compare the app with a plain client. */
const LATENCY_MS = 20;

const { values: args } = parseArgs({ options: { json: { type: 'string' } }, strict: true });
const began = performance.now();
const loadAtStart = loadavg()[0]!;
const figures: Partial<Figures> = {};

function progress(message: string): void {
  console.info(`[${((performance.now() - began) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

/** A figure that fails to measure is reported as such; the others still run. */
async function measure(names: FigureName[], run: () => Promise<Partial<Figures>>): Promise<void> {
  progress(`measuring ${names.join(', ')}`);
  try {
    Object.assign(figures, await run());
  } catch (error) {
    const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
    for (const name of names) figures[name] = unmeasured(name, reason);
  }
}

async function emulatorComparisons(): Promise<Partial<Figures>> {
  progress(`registering 10,000 datasets in an emulator process, then ${LATENCY_MS} ms latency`);
  const emulator = await startSeededEmulator(LATENCY_MS);
  const app = await startBrowserModeApp();
  try {
    const connection = await app.call<ConnectionSummary>('connections:add', {
      name: 'Bench emulator',
      endpoint: emulator.url,
      key: emulator.key,
    });
    progress(`listing 10,000 datasets (registered in ${emulator.seedMs} ms)`);
    const listSpeedup = await measureListSpeedup(emulator, app, connection.id, LATENCY_MS);
    progress('saving through the app and bare, alternately');
    const saveOverheadRatio = await measureSaveOverhead(emulator, app, connection.id, LATENCY_MS);
    return { listSpeedup, saveOverheadRatio };
  } finally {
    await app.close();
    await emulator.stop();
  }
}

progress('building the renderer if out/ is missing or stale');
const build = ensureRendererBuild();
await measure(['rendererGzipKB'], async () => ({ rendererGzipKB: measureRendererSize(build) }));
await measure(['emulatorReqPerSec'], async () => ({
  emulatorReqPerSec: await measureEmulatorThroughput(),
}));
await measure(['listSpeedup', 'saveOverheadRatio'], emulatorComparisons);
await measure(['firstRowsMs', 'domRows'], async () => ({ ...(await measureFirstRows()) }));
progress('done');

const machine = machineInfo();
const run = {
  seconds: Math.round((performance.now() - began) / 1000),
  loadAverageAtStart: round(loadAtStart),
  loadAverageAtEnd: round(loadavg()[0]!),
};
printReport(figures as Figures, machine, run);
if (args.json) {
  writeJsonReport(args.json, figures as Figures, machine, run);
  console.info(`\nWrote ${args.json}`);
}
