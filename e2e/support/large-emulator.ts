import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../../shared/contract/dataset';
import { DATA_FILE_FORMAT, DATA_FILE_VERSION } from '../../emulator/data-file';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';
import { EMULATOR_KEY } from './fixtures';

export function largeDatasetName(index: number): string {
  return `survey-${String(index).padStart(5, '0')}`;
}

/**
 * An emulator holding `count` datasets, loaded from a data file (registering ten thousand over
 * HTTP would take most of the test's time). Latency makes the page-by-page loading visible.
 */
export async function startLargeEmulator(count: number, latencyMs = 0): Promise<RunningEmulator> {
  const datasets: Dataset[] = Array.from({ length: count }, (_, index) => ({
    name: largeDatasetName(index),
    annotationKind: index % 3 === 0 ? 'imageObjectDetection' : 'imageClassification',
    annotationFileUris: [`https://surveydata.blob.core.windows.net/set-${index}/coco.json`],
    createdDateTime: '2025-01-02T03:04:05.000Z',
    updatedDateTime: '2025-01-02T03:04:05.000Z',
    eTag: `etag-${index}`,
  }));
  const dataFile = join(mkdtempSync(join(tmpdir(), 'dm-large-')), 'datasets.json');
  writeFileSync(
    dataFile,
    JSON.stringify({ format: DATA_FILE_FORMAT, version: DATA_FILE_VERSION, datasets }),
  );
  return startEmulator({ port: 0, key: EMULATOR_KEY, dataFile, latencyMs });
}
