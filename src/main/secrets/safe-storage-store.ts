// The real store: Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet) — refused where the OS offers no secure store.
import { SecretStoreUnavailable, type SecretStore } from './secret-store';

/** The parts of Electron's safeStorage used here; passed in so this module never imports electron itself. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export function safeStorageStore(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretStore {
  const availability = () => {
    if (!safeStorage.isEncryptionAvailable()) {
      return { available: false, reason: 'This computer offers no secure storage for secrets, so Anteroom will not store the Stripe key here.' };
    }
    // On Linux without a keyring Electron falls back to a hard-coded password: that is obfuscation, not encryption.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return {
        available: false,
        reason: 'No keyring (GNOME Keyring or KWallet) is running on this computer, so Anteroom will not store the Stripe key here.',
      };
    }
    return { available: true, reason: null };
  };
  const check = () => {
    const a = availability();
    if (!a.available) throw new SecretStoreUnavailable(a.reason ?? 'Secure storage is not available.');
  };
  return {
    availability,
    encrypt(plain) {
      check();
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(cipher) {
      check();
      return safeStorage.decryptString(Buffer.from(cipher, 'base64'));
    },
  };
}
