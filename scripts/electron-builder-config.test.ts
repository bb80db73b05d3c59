import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const configPath = resolve(repo, 'electron-builder.yml');
const config = load(readFileSync(configPath, 'utf8'), { filename: configPath }) as Record<
  string,
  unknown
>;

describe('the packaging configuration (electron-builder.yml)', () => {
  it('is a valid electron-builder configuration, so no key is silently ignored', () => {
    // The schema electron-builder itself validates against (it rejects unknown keys), found
    // through electron-builder, the package this project declares.
    const builder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const schemaPath = builder.resolve('app-builder-lib/scheme.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('packs the app into an asar archive', () => {
    expect(config['asar']).toBe(true);
  });

  it('flips the fuses that keep the packaged binary from running arbitrary code', () => {
    expect(config['electronFuses']).toEqual({
      // ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect would each turn the app into a Node.
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // The page is served from app://, so file: needs no extra privileges.
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('gives the app an icon: a PNG of at least 512×512, which electron-builder converts per platform', () => {
    const icon = config['icon'];
    expect(typeof icon).toBe('string');
    const iconPath = resolve(repo, icon as string);
    expect(existsSync(iconPath), `${icon as string} is missing`).toBe(true);
    const png = readFileSync(iconPath);
    // The signature, then the IHDR chunk first, which holds the width and height.
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('packs the desktop app’s bundles, not the browser-mode server', () => {
    const files = config['files'] as string[];
    expect(files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']),
    );
    expect(files.some((pattern) => pattern.startsWith('out/web') || pattern === 'out/**')).toBe(
      false,
    );
  });
});
