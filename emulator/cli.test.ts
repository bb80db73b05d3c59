import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, parseCommandLine } from './cli-options';
import { SEED_DATASET_NAMES } from './seed-datasets';
import { TEST_KEY, call, remote, spawnCli, startCli } from './test-helpers';

describe('the emulator CLI', () => {
  it('prints exactly the URL line, serves on it, and closes cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const cli = await startCli(['--port', '0', '--key', TEST_KEY, '--seed']);
      expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
      const list = await call(remote(cli.url), 'GET', '');
      expect(list.status).toBe(200);
      expect(list.json.value.length).toBeGreaterThan(0);
      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(cli.stdout()).toBe(`Datasets emulator listening on ${cli.url}\n`);
      expect(cli.stdout() + cli.stderr()).not.toContain(TEST_KEY);
    }
  });

  it('seeds a new --data file only: a sample deleted there does not come back on a restart', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    try {
      const args = ['--port', '0', '--key', TEST_KEY, '--data', join(folder, 'd.json'), '--seed'];
      const deleted = SEED_DATASET_NAMES[0]!;
      const first = await startCli(args);
      const got = await call(remote(first.url), 'GET', `/${deleted}`);
      expect(got.status).toBe(200);
      const removal = await call(remote(first.url), 'DELETE', `/${deleted}`, {
        headers: { 'If-Match': got.json.eTag },
      });
      expect(removal.status).toBe(204);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = await startCli(args);
      try {
        expect((await call(remote(second.url), 'GET', `/${deleted}`)).status).toBe(404);
        const list = await call(remote(second.url), 'GET', '', { query: { top: '30' } });
        expect(list.json.value).toHaveLength(SEED_DATASET_NAMES.length - 1);
      } finally {
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('throttles each key to --rate-limit requests a second, with Retry-After', async () => {
    const cli = await startCli(['--port', '0', '--key', TEST_KEY, '--rate-limit', '2']);
    try {
      // All at once: the bucket holds two, and refills far slower than these are answered.
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => call(remote(cli.url), 'GET', '')),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
      expect(statuses).toContain(429);
      const refused = answers.find((answer) => answer.status === 429)!;
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.json.error.code).toBe('TooManyRequests');
    } finally {
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
    }
  });

  it.each([
    ['without --key', ['--port', '0'], /--key is required/],
    ['with an unknown argument', ['--key', TEST_KEY, '--prot', '5181'], /--prot/],
    ['with a port that is not a number', ['--key', TEST_KEY, '--port', 'http'], /--port/],
    [
      'with a rate limit that is not a whole number',
      ['--key', TEST_KEY, '--rate-limit', '2.5'],
      /--rate-limit must be a whole number from 0 to 100000; got "2\.5"/,
    ],
    [
      'with a negative rate limit',
      ['--key', TEST_KEY, '--rate-limit=-1'],
      /--rate-limit must be a whole number/,
    ],
  ])('exits 2 with the usage %s', async (_, args, why) => {
    const cli = spawnCli(args);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toMatch(why);
    expect(cli.stderr()).toMatch(/Usage: .*--key KEY/);
    expect(cli.stdout()).toBe('');
  });

  it('with --storage, serves the samples from local Blob Storage and stops it on SIGTERM', async () => {
    const cli = await startCli([
      '--port',
      '0',
      '--key',
      TEST_KEY,
      '--storage',
      '--storage-port',
      '0',
    ]);
    let blobEndpoint: string | undefined;
    try {
      // The Blob Storage line follows the URL line at once.
      await expect.poll(() => cli.stdout(), { timeout: 10_000 }).toMatch(/Blob Storage/);
      const printed =
        /^Blob Storage \(Azurite\) listening on (http:\/\/127\.0\.0\.1:[0-9]+\/devstoreaccount1), sample files in (\S+)$/m.exec(
          cli.stdout(),
        );
      expect(printed).not.toBeNull();
      blobEndpoint = printed![1]!;
      expect(printed![2]).toBe(`${blobEndpoint}/samples`);
      // --storage seeds on its own, and the samples point at the files, with their token.
      const got = await call(remote(cli.url), 'GET', '/retail-shelf-products');
      expect(got.status).toBe(200);
      const { annotationFileUris, authentication } = got.json;
      expect(authentication.kind).toBe('sas');
      expect(annotationFileUris[0]).toMatch(new RegExp(`^${blobEndpoint!}/samples/`));
      expect((await fetch(`${annotationFileUris[0]}?${authentication.sasToken}`)).status).toBe(200);
      expect(cli.stdout()).not.toContain(authentication.sasToken);
    } finally {
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
    }
    await expect(fetch(`${blobEndpoint}/samples?restype=container`)).rejects.toThrow();
  }, 40_000);

  describe('reading the command line', () => {
    const key = ['--key', TEST_KEY];

    it('leaves Blob Storage off unless --storage', () => {
      expect(parseCommandLine([...key])?.storage).toBeUndefined();
      expect(parseCommandLine([...key, '--seed'])?.emulator.seed).toBe(true);
    });

    it("with --storage, seeds too, on Azurite's usual port unless --storage-port", () => {
      const parsed = parseCommandLine([...key, '--storage']);
      expect(parsed?.storage).toEqual({ port: 10000 });
      expect(parsed?.emulator.seed).toBe(true);
      expect(parseCommandLine([...key, '--storage', '--storage-port', '0'])?.storage).toEqual({
        port: 0,
      });
    });

    it.each([
      [['--storage-port', '10001'], /--storage-port needs --storage/],
      [
        ['--storage', '--storage-port', 'ten'],
        /--storage-port must be a whole number from 0 to 65535; got "ten"/,
      ],
      [['--storage', '--storage-port', '70000'], /--storage-port must be a whole number/],
      [['--storage=yes'], /--storage/],
    ])('refuses %j with a message saying what to fix', (args, why) => {
      expect(() => parseCommandLine([...key, ...args])).toThrow(UsageError);
      expect(() => parseCommandLine([...key, ...args])).toThrow(why);
    });
  });
});
