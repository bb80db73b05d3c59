import { performance } from 'node:perf_hooks';
import type { BulkProgress } from '../shared/bulk-edit/bulk-edit-contract';
import type { RedactedDataset } from '../shared/contract/redacted-dataset';
import type { BrowserModeApp } from './browser-mode-app';
import type { Figure } from './figure';
import { measured } from './figure';
import { round } from './stats';
import { benchDatasetName } from './synthetic-datasets';

const DATASETS = 100;
/** Far from the datasets other figures save, so no eTag of theirs is met here. */
const BULK_FIRST = 9_000;
const SINGLE_FIRST = 9_200;

type AppCall = BrowserModeApp['call'];

async function listed(call: AppCall, connectionId: string, first: number) {
  const names = Array.from({ length: DATASETS }, (_, i) => benchDatasetName(first + i));
  return Promise.all(
    names.map((name) => call<RedactedDataset>('datasets:get', { connectionId, name })),
  );
}

/**
 * `Edit selected` over 100 datasets as the page runs it (bulk:start, then bulk:progress until
 * done, over the browser-mode bridge), against the same edit saved one dataset at a time
 * (datasets:update after datasets:update, as someone opening each would), in the same run at
 * the same latency. The figure is how many times more datasets per second the bulk edit saves:
 * the goal is a ratio (>= 3x), so the ratio is what is held to it; both rates are in details.
 */
export async function measureBulkEdit(
  app: BrowserModeApp,
  connectionId: string,
  latencyMs: number,
  roundNumber: number,
): Promise<{ bulkEditPerSec: Figure }> {
  const value = `round-${roundNumber}`;
  const singleBases = await listed(app.call, connectionId, SINGLE_FIRST);
  const singleStarted = performance.now();
  for (const base of singleBases) {
    await app.call<RedactedDataset>('datasets:update', {
      connectionId,
      name: base.name,
      ifMatch: base.eTag,
      changes: { customProperties: { ...base.customProperties, bench: value } },
    });
  }
  const singleSeconds = (performance.now() - singleStarted) / 1000;

  const bulkBases = await listed(app.call, connectionId, BULK_FIRST);
  const bulkStarted = performance.now();
  let progress = await app.call<BulkProgress>('bulk:start', {
    connectionId,
    operation: { kind: 'setProperty', name: 'bench', value },
    datasets: bulkBases.map((base) => ({ name: base.name, base })),
  });
  while (progress.state === 'running') {
    progress = await app.call<BulkProgress>('bulk:progress', { runId: progress.runId });
  }
  const bulkSeconds = (performance.now() - bulkStarted) / 1000;
  const saved = progress.rows.filter((r) => r.outcome === 'saved').length;
  if (saved !== DATASETS) {
    const other = progress.rows.find((r) => r.outcome !== 'saved');
    throw new Error(`The bulk edit saved ${saved} of ${DATASETS}: ${other?.reason ?? ''}`);
  }

  const bulkPerSec = DATASETS / bulkSeconds;
  const singlePerSec = DATASETS / singleSeconds;
  return {
    bulkEditPerSec: measured('bulkEditPerSec', round(bulkPerSec / singlePerSec, 2), {
      latencyMs,
      datasets: DATASETS,
      bulkDatasetsPerSec: round(bulkPerSec, 1),
      oneAtATimeDatasetsPerSec: round(singlePerSec, 1),
      bulkSeconds: round(bulkSeconds, 2),
      oneAtATimeSeconds: round(singleSeconds, 2),
    }),
  };
}
