import { USAGE, UsageError, parseCommandLine } from './cli-options';
import type { CommandLine } from './cli-options';
import { startEmulator } from './server';
import type { RunningEmulator } from './server';
import { startAzurite } from './storage/azurite';
import type { RunningAzurite } from './storage/azurite';
import { seedSampleStorage } from './storage/seed-storage';
import type { SampleStorage } from './storage/seed-storage';

interface RunningStorage {
  azurite: RunningAzurite;
  seed: SampleStorage;
}

/** Azurite seeded with the samples; stopped again when seeding fails. */
async function startSampleStorage(port: number): Promise<RunningStorage> {
  const azurite = await startAzurite({ port });
  try {
    return { azurite, seed: await seedSampleStorage(azurite) };
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  let commandLine: CommandLine | undefined;
  try {
    commandLine = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (!commandLine) {
    console.info(USAGE);
    return;
  }

  let storage: RunningStorage | undefined;
  let emulator: RunningEmulator;
  try {
    if (commandLine.storage) storage = await startSampleStorage(commandLine.storage.port);
    emulator = await startEmulator({
      ...commandLine.emulator,
      ...(storage ? { seedStorage: storage.seed } : {}),
    });
  } catch (error) {
    await storage?.azurite.stop();
    // Exit by running out of work, so the message is flushed even where stderr is asynchronous.
    console.error((error as Error).message);
    process.exitCode = 1;
    return;
  }
  console.info(`Datasets emulator listening on ${emulator.url}`);
  if (storage) {
    // The SAS token is not printed: the seeded datasets carry it.
    console.info(
      `Blob Storage (Azurite) listening on ${storage.azurite.blobEndpoint}, sample files in ${storage.seed.containerUrl}`,
    );
  }

  let stopping = false;
  const stop = () => {
    // A second signal means "now": the data file is still safe, only unanswered requests are lost.
    if (stopping) process.exit(1);
    stopping = true;
    Promise.all([emulator.close(), storage?.azurite.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`The emulator did not close cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
