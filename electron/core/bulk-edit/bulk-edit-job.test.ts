import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import type { BulkOperation, BulkProgress } from '../../../shared/bulk-edit/bulk-edit-contract';
import type { Dataset } from '../../../shared/contract/dataset';
import { redactDataset } from '../../../shared/contract/redacted-dataset';
import type { Result } from '../../../shared/ipc/errors';
import {
  TEST_SAS_TOKEN,
  recordingFetch,
  sampleFields,
  startFaultyEmulator,
  testClient,
  uniqueName,
} from '../../test-support/datasets-service';
import type { Recorder } from '../../test-support/datasets-service';
import { startBulkEdit } from './bulk-edit-job';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startFaultyEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.faults.clear());

const fingerprint = (token: string) =>
  createHash('sha256').update(token).digest('hex').slice(0, 16);
const redact = (d: Dataset) => redactDataset(d, fingerprint);

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** Registers datasets and gives them as the page listed them. */
async function listed(count: number, properties: Record<string, string> = { team: 'botany' }) {
  const { client } = testClient(emulator);
  const datasets: Dataset[] = [];
  for (let i = 0; i < count; i++) {
    const fields = sampleFields({ customProperties: properties });
    datasets.push(valueOf(await client.registerDataset(uniqueName('bulk'), fields)));
  }
  return datasets;
}

const current = async (name: string) => testClient(emulator).client.getDataset(name);

async function run(
  datasets: Dataset[],
  operation: BulkOperation,
  options: {
    recorder?: Recorder;
    concurrency?: number;
    stopAfterStart?: boolean;
    versions?: string[];
  } = {},
): Promise<BulkProgress> {
  const { client } = testClient(emulator, options.recorder ? { recorder: options.recorder } : {});
  const job = startBulkEdit({
    runId: 'run-1',
    operation,
    targets: datasets.map((d) => ({ name: d.name, base: redact(d) })),
    client,
    fingerprint,
    redact,
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    onVersion: (source, dataset) =>
      options.versions?.push(`${source} ${JSON.stringify(dataset.customProperties)}`),
  });
  if (options.stopAfterStart) job.cancel();
  await job.settled;
  return job.snapshot();
}

const setStage: BulkOperation = { kind: 'setProperty', name: 'stage', value: 'reviewed' };
const outcomes = (progress: BulkProgress) => progress.rows.map((r) => r.outcome);

describe('an edit of several datasets', () => {
  it('saves each one that nobody changed, with the property added to the ones it had', async () => {
    const datasets = await listed(3);
    const progress = await run(datasets, setStage);
    expect(progress.state).toBe('done');
    expect(outcomes(progress)).toEqual(['saved', 'saved', 'saved']);
    for (const d of datasets) {
      expect(valueOf(await current(d.name)).customProperties).toEqual({
        team: 'botany',
        stage: 'reviewed',
      });
    }
  });

  it('merges with a colleague who changed another property meanwhile, keeping both', async () => {
    const [dataset] = await listed(1);
    const { client } = testClient(emulator);
    valueOf(
      await client.updateDataset(dataset!.name, {
        customProperties: { team: 'botany', owner: 'ana' },
      }),
    );
    const versions: string[] = [];
    const progress = await run([dataset!], setStage, { versions });
    expect(outcomes(progress)).toEqual(['merged']);
    // History is told of theirs as read after the 412 and of the merged version saved.
    expect(versions).toEqual([
      'theirs {"team":"botany","owner":"ana"}',
      'saved {"team":"botany","owner":"ana","stage":"reviewed"}',
    ]);
    expect(valueOf(await current(dataset!.name)).customProperties).toEqual({
      team: 'botany',
      owner: 'ana',
      stage: 'reviewed',
    });
  });

  it('leaves a conflict for review and saves nothing when a colleague set the same property', async () => {
    const [dataset] = await listed(1);
    const { client } = testClient(emulator);
    valueOf(
      await client.updateDataset(dataset!.name, {
        customProperties: { team: 'botany', stage: 'draft' },
      }),
    );
    const progress = await run([dataset!], setStage);
    expect(outcomes(progress)).toEqual(['conflict']);
    expect(progress.rows[0]!.reason).toContain('Property "stage"');
    expect(valueOf(await current(dataset!.name)).customProperties?.stage).toBe('draft');
  });

  it('says a dataset deleted meanwhile failed, and offers Retry failed', async () => {
    const [kept, gone] = await listed(2);
    valueOf(await testClient(emulator).client.deleteDataset(gone!.name));
    const progress = await run([kept!, gone!], setStage);
    expect(outcomes(progress)).toEqual(['saved', 'failed']);
    expect(progress.rows[1]!.reason).toMatch(/^Deleted meanwhile/);
    expect(progress.canRetry).toBe(true);
  });

  it('refuses what the service would refuse, sending nothing', async () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, 'x']));
    const [full] = await listed(1, ten);
    const recorder = recordingFetch();
    const progress = await run([full!], setStage, { recorder });
    expect(outcomes(progress)).toEqual(['failed']);
    expect(progress.rows[0]!.reason).toContain('10 custom properties already');
    expect(recorder.count('PATCH')).toBe(0);
  });

  it('does not apply an edit twice when the answer to its PATCH was lost', async () => {
    const [dataset] = await listed(1);
    let lost = false;
    const recorder = recordingFetch(fetch, async (request, send) => {
      const response = await send();
      if (request.method !== 'PATCH' || lost) return response;
      lost = true;
      await response.arrayBuffer();
      return new Response('Bad gateway', { status: 502 });
    });
    const progress = await run([dataset!], setStage, { recorder });
    // Sent again with the same If-Match, the PATCH met 412; the read showed the edit in
    // place, so it counts as saved, with no merge and no third PATCH.
    expect(outcomes(progress)).toEqual(['saved']);
    expect(recorder.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH', 'GET']);
    const after = valueOf(await current(dataset!.name));
    expect(after.customProperties).toEqual({ team: 'botany', stage: 'reviewed' });
  });

  it('after Stop sends no new PATCH, and says which datasets were not saved', async () => {
    const datasets = await listed(4);
    const recorder = recordingFetch();
    const progress = await run(datasets, setStage, {
      recorder,
      concurrency: 1,
      stopAfterStart: true,
    });
    expect(progress.state).toBe('stopped');
    const saved = progress.rows.filter((r) => r.outcome === 'saved').length;
    expect(saved).toBe(recorder.count('PATCH'));
    expect(saved).toBeLessThanOrEqual(1);
    expect(progress.rows.filter((r) => r.outcome === 'stopped').length).toBe(4 - saved);
  });

  it('sends a new SAS token to every dataset and never puts it in the progress', async () => {
    const datasets = await listed(2);
    const progress = await run(datasets, {
      kind: 'setAuthentication',
      authentication: { kind: 'sas', sasToken: TEST_SAS_TOKEN },
    });
    expect(outcomes(progress)).toEqual(['saved', 'saved']);
    expect(JSON.stringify(progress)).not.toContain('S3cr3t');
    for (const d of datasets) {
      expect(valueOf(await current(d.name)).authentication).toEqual({
        kind: 'sas',
        sasToken: TEST_SAS_TOKEN,
      });
    }
  });
});
