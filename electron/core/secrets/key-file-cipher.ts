import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { link, lstat, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { KEY_FILE_PREFIX, SAFE_STORAGE_PREFIX } from './secret-cipher';
import type { SecretCipher } from './secret-cipher';

export const KEY_FILE_NAME = 'secret.key';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface KeyFileCipherOptions {
  /** Permission bits mean nothing on Windows, so they are checked elsewhere only. */
  platform?: NodeJS.Platform;
}

/**
 * Browser mode has no system keychain: keys are encrypted with AES-256-GCM under a random key
 * kept in `<dataDir>/secret.key`, readable by the user alone. This protects keys from anyone
 * who sees the settings file without the key file (a backup, a shared screen, a bug report).
 */
export async function createKeyFileCipher(
  dataDir: string,
  options: KeyFileCipherOptions = {},
): Promise<Result<SecretCipher>> {
  const loaded = await loadOrCreateKey(join(dataDir, KEY_FILE_NAME), options.platform);
  if (!loaded.ok) return loaded;
  const key = loaded.value;

  return ok({
    info: { kind: 'keyFile', persistent: true },

    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const packed = Buffer.concat([iv, cipher.getAuthTag(), body]);
      return ok(KEY_FILE_PREFIX + packed.toString('base64'));
    },

    async decrypt(stored) {
      if (stored.startsWith(SAFE_STORAGE_PREFIX)) {
        return fail({
          kind: 'keyUnavailable',
          message:
            'This key was saved by the desktop app and can be read only there. Enter the key again.',
        });
      }
      const packed = stored.startsWith(KEY_FILE_PREFIX)
        ? Buffer.from(stored.slice(KEY_FILE_PREFIX.length), 'base64')
        : undefined;
      if (packed && packed.length >= IV_BYTES + TAG_BYTES) {
        try {
          const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, IV_BYTES), {
            authTagLength: TAG_BYTES,
          });
          decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
          const body = packed.subarray(IV_BYTES + TAG_BYTES);
          return ok({ value: Buffer.concat([decipher.update(body), decipher.final()]).toString() });
        } catch {
          // GCM refuses anything altered; the explanation below covers every such case.
        }
      }
      return fail({
        kind: 'keyUnavailable',
        message: `The saved key cannot be decrypted: the settings file was changed or damaged, or ${KEY_FILE_NAME} was replaced. Enter the key again.`,
      });
    },
  });
}

async function loadOrCreateKey(
  path: string,
  platform: NodeJS.Platform = process.platform,
): Promise<Result<Buffer>> {
  try {
    if (!(await exists(path))) await createKeyFile(path);
    const stats = await lstat(path);
    if (!stats.isFile()) {
      return keyFileProblem(
        `${path} is not a regular file. Remove it and start again; saved keys will then have to be entered again.`,
      );
    }
    const loose = stats.mode & 0o077;
    if (platform !== 'win32' && loose !== 0) {
      // Refused rather than fixed: the key may already have been read by someone else, and
      // only the user can judge whether to replace their subscription keys.
      return keyFileProblem(
        `The key file ${path} can be read by other users of this computer (mode ${(stats.mode & 0o777).toString(8)}). ` +
          `Run "chmod 600 ${path}" and start again. If others may have read it, also regenerate your subscription keys.`,
      );
    }
    const key = await readFile(path);
    if (key.length !== KEY_BYTES) {
      return keyFileProblem(
        `The key file ${path} is damaged (it holds ${key.length} bytes instead of ${KEY_BYTES}). ` +
          'Move it away and start again; saved keys will then have to be entered again.',
      );
    }
    return ok(key);
  } catch (error) {
    return keyFileProblem(
      `The key file ${path} could not be read or created (${errorCode(error) ?? 'unknown error'}).`,
    );
  }
}

/**
 * Written in full under a temporary name, then linked into place: linking fails if the file
 * exists, so two app instances starting together never half-write or overwrite the key.
 */
async function createKeyFile(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, key, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    // Some file systems (FAT on a USB stick) have no hard links.
    if (errorCode(error) !== 'EEXIST') await writeFile(path, key, { mode: 0o600, flag: 'wx' });
  } finally {
    await unlink(temporary);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function keyFileProblem(message: string): Result<Buffer> {
  return fail({ kind: 'keyUnavailable', message });
}
