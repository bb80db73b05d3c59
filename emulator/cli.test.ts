import { describe, expect, it } from 'vitest';
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

  it.each([
    ['without --key', ['--port', '0'], /--key is required/],
    ['with an unknown argument', ['--key', TEST_KEY, '--prot', '5181'], /--prot/],
    ['with a port that is not a number', ['--key', TEST_KEY, '--port', 'http'], /--port/],
  ])('exits 2 with the usage %s', async (_, args, why) => {
    const cli = spawnCli(args);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toMatch(why);
    expect(cli.stderr()).toMatch(/Usage: .*--key KEY/);
    expect(cli.stdout()).toBe('');
  });
});
