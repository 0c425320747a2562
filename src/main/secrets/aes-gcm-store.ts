// A real AES-256-GCM store with a caller-held key: for tests and the E2E harness, where Electron's safeStorage is absent.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretStore } from './secret-store';

const VERSION = 1;

export function aesGcmStore(key: Buffer): SecretStore {
  if (key.length !== 32) throw new Error('aesGcmStore needs a 32-byte key');
  return {
    availability: () => ({ available: true, reason: null }),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(encoded) {
      const raw = Buffer.from(encoded, 'base64');
      if (raw[0] !== VERSION || raw.length < 29) throw new Error('not a secret written by this store');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 13));
      decipher.setAuthTag(raw.subarray(13, 29));
      return Buffer.concat([decipher.update(raw.subarray(29)), decipher.final()]).toString('utf8');
    },
  };
}
