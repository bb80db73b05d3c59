import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/server';
import { aesGcmCodec } from './at-rest-codec';

describe('the embedded emulator’s file at rest', () => {
  it('is encrypted, reopens with its key, and refuses another key clearly', async () => {
    const key = randomBytes(32);
    const dataFile = join(mkdtempSync(join(tmpdir(), 'dm-codec-')), 'datasets.json');
    const first = await startEmulator({
      key: 'k',
      dataFile,
      dataCodec: aesGcmCodec(key),
      seed: true,
    });
    await first.close();
    const text = readFileSync(dataFile, 'utf8');
    expect(text).not.toContain('sig=');
    expect(text).not.toContain('blob.core.windows.net');

    const again = await startEmulator({ key: 'k', dataFile, dataCodec: aesGcmCodec(key) });
    const res = await fetch(`${again.url}/computervision/datasets?api-version=2023-02-01-preview`, {
      headers: { 'Ocp-Apim-Subscription-Key': 'k' },
    });
    expect(((await res.json()) as { value: unknown[] }).value.length).toBeGreaterThan(0);
    await again.close();

    await expect(
      startEmulator({ key: 'k', dataFile, dataCodec: aesGcmCodec(randomBytes(32)) }),
    ).rejects.toThrow(/cannot be decrypted.*Move it aside/);
    expect(readFileSync(dataFile, 'utf8')).toBe(text);
  });
});
