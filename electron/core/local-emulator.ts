import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';

export const LOCAL_EMULATOR_ID = 'local-emulator';
export const LOCAL_EMULATOR_NAME = 'Local emulator';

export interface LocalEmulator {
  emulator: RunningEmulator;
  /** The built-in connection: its endpoint and key change at every start and are never saved. */
  connection: { id: string; name: string; endpoint: string; key: string };
  notice?: string;
}

/**
 * The emulator runs inside the app on a free loopback port, its datasets in the app's data
 * folder, seeded on the first run only so a user's edits survive restarts.
 */
export async function startLocalEmulator(dataDir: string): Promise<LocalEmulator> {
  const folder = join(dataDir, 'emulator');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const dataFile = join(folder, 'datasets.json');
  const key = randomBytes(24).toString('base64url');
  let notice: string | undefined;
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ port: 0, key, dataFile, seed: !existsSync(dataFile) });
  } catch (error) {
    // A damaged file must not keep the app from starting; it stays where it is for the user.
    notice = `The Local emulator could not load its data (${error instanceof Error ? error.message : String(error)}). It runs with sample data in memory for this session.`;
    emulator = await startEmulator({ port: 0, key, seed: true });
  }
  return {
    emulator,
    connection: { id: LOCAL_EMULATOR_ID, name: LOCAL_EMULATOR_NAME, endpoint: emulator.url, key },
    ...(notice ? { notice } : {}),
  };
}
