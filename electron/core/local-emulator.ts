import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator/server';
import { aesGcmCodec } from './at-rest-codec';
import type { SecretVault } from './secrets/secret-vault';

export const LOCAL_EMULATOR_ID = 'local-emulator';
export const LOCAL_EMULATOR_NAME = 'Local emulator';
const DATA_KEY_ID = 'local-emulator:data-key';

export interface LocalEmulator {
  emulator: RunningEmulator;
  /** The built-in connection: its endpoint and key change at every start and are never saved. */
  connection: { id: string; name: string; endpoint: string; key: string };
  notice?: string;
}

/**
 * The key that encrypts the emulator's file: its datasets hold SAS tokens, and the file lies in
 * the user's data folder. Kept in the vault like connection keys; none when the vault cannot
 * keep anything across restarts.
 */
async function dataKeyFrom(vault: SecretVault): Promise<Buffer | undefined> {
  if (!vault.info.persistent) return undefined;
  if (vault.hasSecret(DATA_KEY_ID)) {
    const kept = await vault.getSecret(DATA_KEY_ID);
    if (kept.ok) return Buffer.from(kept.value, 'base64');
  }
  const fresh = randomBytes(32);
  const saved = await vault.setSecret(DATA_KEY_ID, fresh.toString('base64'));
  return saved.ok ? fresh : undefined;
}

function builtIn(emulator: RunningEmulator, key: string, notice?: string): LocalEmulator {
  return {
    emulator,
    connection: { id: LOCAL_EMULATOR_ID, name: LOCAL_EMULATOR_NAME, endpoint: emulator.url, key },
    ...(notice ? { notice } : {}),
  };
}

/**
 * The emulator runs inside the app on a free loopback port, its datasets in the app's data
 * folder (encrypted), seeded on the first run only so a user's edits survive restarts.
 */
export async function startLocalEmulator(
  dataDir: string,
  vault: SecretVault,
): Promise<LocalEmulator> {
  // Imported here, not at the top, so the bundler puts the emulator in a chunk of its own that
  // is loaded only when the built-in connection starts.
  const { startEmulator } = await import('../../emulator/server');
  const key = randomBytes(24).toString('base64url');
  const dataKey = await dataKeyFrom(vault);
  if (!dataKey) {
    return builtIn(
      await startEmulator({ port: 0, key, seed: true }),
      key,
      'The Local emulator keeps its datasets in memory for this session only, since nothing on this system can protect their SAS tokens on disk.',
    );
  }
  const folder = join(dataDir, 'emulator');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const dataFile = join(folder, 'datasets.json');
  try {
    const emulator = await startEmulator({
      port: 0,
      key,
      dataFile,
      dataCodec: aesGcmCodec(dataKey),
      // The emulator seeds only a file it creates, so deleted samples stay deleted.
      seed: true,
    });
    return builtIn(emulator, key);
  } catch (error) {
    // A damaged file must not keep the app from starting; it stays where it is for the user.
    const reason = error instanceof Error ? error.message : String(error);
    return builtIn(
      await startEmulator({ port: 0, key, seed: true }),
      key,
      `The Local emulator could not load its data (${reason}). It runs with sample data in memory for this session.`,
    );
  }
}
