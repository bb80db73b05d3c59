import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataCodec } from '../../emulator/server';

const PREFIX = 'dataset-manager-aes-256-gcm:v1:';

/** Encrypts a whole file's text with a 32-byte key (AES-256-GCM, a fresh IV each time). */
export function aesGcmCodec(key: Buffer): DataCodec {
  if (key.length !== 32) throw new RangeError('The data key must be 32 bytes.');
  return {
    encode(json) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decode(stored) {
      if (!stored.startsWith(PREFIX)) throw new Error('the file is not encrypted by this app');
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      try {
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new Error('the key does not open it, or it was changed');
      }
    },
  };
}
