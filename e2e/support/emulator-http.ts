import type { Dataset, DatasetFields } from '../../shared/contract/dataset';
import {
  API_VERSION,
  DATASETS_PATH,
  PATCH_CONTENT_TYPE,
  SUBSCRIPTION_KEY_HEADER,
} from '../../shared/contract/limits';
import type { RunningEmulator } from '../../emulator/server';
import type { FaultSettingsUpdate } from '../../emulator/server';
import { EMULATOR_KEY } from './fixtures';

/*
 * The service as a third party sees it: plain HTTP with the key, no app in between. Tests use
 * it to check what a click really saved, and to play "someone else" changing a dataset.
 */

function datasetUrl(emulator: RunningEmulator, name: string): string {
  return `${emulator.url}${DATASETS_PATH}/${encodeURIComponent(name)}?api-version=${API_VERSION}`;
}

const keyHeader = { [SUBSCRIPTION_KEY_HEADER]: EMULATOR_KEY };

export async function fetchDataset(
  emulator: RunningEmulator,
  name: string,
): Promise<{ status: number; dataset?: Dataset }> {
  const response = await fetch(datasetUrl(emulator, name), { headers: keyHeader });
  if (!response.ok) return { status: response.status };
  return { status: response.status, dataset: (await response.json()) as Dataset };
}

export async function readDataset(emulator: RunningEmulator, name: string): Promise<Dataset> {
  const { status, dataset } = await fetchDataset(emulator, name);
  if (!dataset) throw new Error(`GET ${name} answered ${status}`);
  return dataset;
}

/** Someone else's edit, straight to the service (unconditional). */
export async function patchDataset(
  emulator: RunningEmulator,
  name: string,
  changes: Partial<Dataset>,
): Promise<Dataset> {
  const response = await fetch(datasetUrl(emulator, name), {
    method: 'PATCH',
    headers: { ...keyHeader, 'Content-Type': PATCH_CONTENT_TYPE },
    body: JSON.stringify(changes),
  });
  if (!response.ok) throw new Error(`PATCH ${name} answered ${response.status}`);
  return (await response.json()) as Dataset;
}

/** Someone else deletes the dataset (unconditional). */
export async function deleteDataset(emulator: RunningEmulator, name: string): Promise<void> {
  const response = await fetch(datasetUrl(emulator, name), {
    method: 'DELETE',
    headers: keyHeader,
  });
  if (response.status !== 204) throw new Error(`DELETE ${name} answered ${response.status}`);
}

/** Someone else registers a dataset under `name`. */
export async function putDataset(
  emulator: RunningEmulator,
  name: string,
  fields: DatasetFields,
): Promise<Dataset> {
  const response = await fetch(datasetUrl(emulator, name), {
    method: 'PUT',
    headers: { ...keyHeader, 'Content-Type': PATCH_CONTENT_TYPE },
    body: JSON.stringify(fields),
  });
  if (!response.ok) throw new Error(`PUT ${name} answered ${response.status}`);
  return (await response.json()) as Dataset;
}

export async function setFaults(
  emulator: RunningEmulator,
  settings: FaultSettingsUpdate,
): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'PUT',
    headers: keyHeader,
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`Setting faults answered ${response.status}`);
}

export async function clearFaults(emulator: RunningEmulator): Promise<void> {
  await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE', headers: keyHeader });
}

/** Names of every dataset (the seeded emulators hold fewer than one page). */
export async function listNames(emulator: RunningEmulator): Promise<string[]> {
  const response = await fetch(
    `${emulator.url}${DATASETS_PATH}?api-version=${API_VERSION}&top=30`,
    { headers: keyHeader },
  );
  if (!response.ok) throw new Error(`Listing answered ${response.status}`);
  return ((await response.json()) as { value: Dataset[] }).value.map((d) => d.name);
}
