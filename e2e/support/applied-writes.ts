import { SUBSCRIPTION_KEY_HEADER } from '../../shared/contract/limits';
import type { RunningEmulator } from '../../emulator/server';
import { EMULATOR_KEY } from './fixtures';

/** How many writes the emulator has carried out so far (see emulator/faults.ts). */
export async function appliedWrites(emulator: RunningEmulator): Promise<number> {
  const response = await fetch(`${emulator.url}/_emulator/faults`, {
    headers: { [SUBSCRIPTION_KEY_HEADER]: EMULATOR_KEY },
  });
  if (!response.ok) throw new Error(`Reading the fault settings answered ${response.status}`);
  return ((await response.json()) as { appliedWrites: number }).appliedWrites;
}
