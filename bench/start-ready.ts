import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuild } from '../scripts/build-stamp.mjs';
import type { Figure } from './figure';
import { measured, unmeasured } from './figure';

const repo = resolve(import.meta.dirname, '..');
const STARTS = 5;
/** Starts that had to build after all (a source changed meanwhile) are not what is measured. */
const MAX_ATTEMPTS = STARTS * 3;
const URL_LINE = /Dataset Manager is running at (http:\/\/\S+)/;

interface Start {
  ms: number;
  /** Whether this start built out/ first, so it measured a build, not a start. */
  built: boolean;
}

/** One `npm run web` start (without npm's own start), from spawn to its URL line on stdout. */
async function timeOneStart(): Promise<Start> {
  // Its own data folder, so the start neither reads nor writes the user's settings.
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-start-'));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['scripts/web.mjs', '--port', '0', '--no-open', '--data-dir', dataDir],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const ms = await new Promise<number>((ready, failed) => {
      const timer = setTimeout(() => failed(new Error(`No URL within 60 s:\n${output}`)), 60_000);
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        if (!URL_LINE.test(output)) return;
        clearTimeout(timer);
        ready(performance.now() - started);
      });
      void exited.then(() => {
        clearTimeout(timer);
        failed(new Error(`Browser mode exited before printing its URL:\n${output}`));
      });
    });
    return { ms, built: output.includes('Building the app') };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `npm start` without Electron (and `npm run web`) when nothing changed since the last build:
 * the time until the URL is printed, the median of five starts.
 */
export async function measureStartReady(): Promise<Figure> {
  const startsMs: number[] = [];
  let discarded = 0;
  for (let attempt = 0; startsMs.length < STARTS && attempt < MAX_ATTEMPTS; attempt += 1) {
    // The build a changed source calls for is done here, untimed: the figure is the start.
    try {
      await ensureBuild();
    } catch (error) {
      return unmeasured(
        'startReadyMs',
        `The app did not build: ${error instanceof Error ? error.message : String(error)}`,
        { startsMs },
      );
    }
    const start = await timeOneStart();
    if (start.built) discarded += 1;
    else startsMs.push(Math.round(start.ms));
  }
  if (startsMs.length < STARTS) {
    return unmeasured(
      'startReadyMs',
      `The sources kept changing: ${discarded} starts had to build first.`,
      { startsMs },
    );
  }
  const sorted = [...startsMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return measured('startReadyMs', median, {
    startsMs,
    command: 'node scripts/web.mjs --port 0 --no-open --data-dir <temp>',
    measuredUntil: 'the URL line on stdout',
    ...(discarded > 0 ? { discardedStartsThatBuilt: discarded } : {}),
  });
}
