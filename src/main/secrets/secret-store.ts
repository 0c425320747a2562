// Encrypts small secrets (the Stripe key) before they touch disk; implementations differ by where the key lives.
export interface SecretStore {
  /** Whether secrets can be stored safely on this computer; if not, a sentence saying why. */
  availability(): { available: boolean; reason: string | null };
  /** Plaintext → base64 ciphertext. Throws SecretStoreUnavailable when availability() says no. */
  encrypt(plain: string): string;
  /** base64 ciphertext → plaintext. Throws if the ciphertext was not made by this store. */
  decrypt(cipher: string): string;
}

export class SecretStoreUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SecretStoreUnavailable';
  }
}

/** Until main wires a real store (Electron's safeStorage), nothing secret can be saved. */
export const noSecretStore = (reason = 'Anteroom has not set up secure storage on this computer yet, so it cannot keep a Stripe key.'): SecretStore => ({
  availability: () => ({ available: false, reason }),
  encrypt: () => {
    throw new SecretStoreUnavailable(reason);
  },
  decrypt: () => {
    throw new SecretStoreUnavailable(reason);
  },
});
