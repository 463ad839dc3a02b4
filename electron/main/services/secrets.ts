import { z } from 'zod';
import { IpcFailure } from '../ipc/failure';
import type { JsonStore } from './json-file-store';

/** Electron's safeStorage, narrowed; `isEncryptionAvailable` must be false for plain-text backends. */
export type Encryption = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export const secretFileSchema = z.object({
  version: z.literal(1),
  /** normalised server URL -> base64 of the OS-encrypted token */
  tokens: z.record(z.string(), z.string()),
});
export type SecretFile = z.infer<typeof secretFileSchema>;

export type SecretStore = {
  setToken(serverUrl: string, token: string | null): Promise<void>;
  getToken(serverUrl: string): Promise<string | null>;
};

/** The key a token is filed under: same server, same key, whatever the trailing slash or case. */
export function secretKeyForServer(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new IpcFailure('invalid_input', 'serverUrl: not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new IpcFailure('invalid_input', 'serverUrl: must be an http(s) URL');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

export const encryptionUnavailableMessage =
  'Secure storage is not available on this system (no OS keychain or keyring), so the sync token was not saved; sign in again each time or enable a keyring.';

/**
 * Sync tokens encrypted with the OS keychain (safeStorage) in a file in userData. A token is
 * never written in plain text: without encryption the store refuses and says why.
 */
export function createSecretStore(encryption: Encryption, file: JsonStore<SecretFile>): SecretStore {
  let cache: SecretFile | null = null;
  const read = async (): Promise<SecretFile> => (cache ??= (await file.load()) ?? { version: 1, tokens: {} });

  return {
    async setToken(serverUrl, token) {
      const key = secretKeyForServer(serverUrl);
      const current = await read();
      const tokens = { ...current.tokens };
      if (token === null) {
        delete tokens[key];
      } else {
        if (!encryption.isEncryptionAvailable()) throw new IpcFailure('failed', encryptionUnavailableMessage);
        tokens[key] = encryption.encryptString(token).toString('base64');
      }
      const next: SecretFile = { version: 1, tokens };
      await file.save(next);
      cache = next;
    },
    async getToken(serverUrl) {
      const key = secretKeyForServer(serverUrl);
      const stored = (await read()).tokens[key];
      if (stored === undefined || !encryption.isEncryptionAvailable()) return null;
      try {
        return encryption.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        // Encrypted under another OS user or keychain: unusable, the user signs in again.
        return null;
      }
    },
  };
}
