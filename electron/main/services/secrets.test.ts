import { describe, expect, it } from 'vitest';
import { createJsonFileStore } from './json-file-store';
import { createMemoryFileSystem } from './memory-fs';
import { createSecretStore, secretFileSchema, secretKeyForServer } from './secrets';
import type { Encryption } from './secrets';

// A stand-in for the OS keychain: reversible, and visibly not the plain text.
function fakeEncryption(available = true): Encryption & { available: boolean } {
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (enc) => Buffer.from([...enc].map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

const FILE = '/ud/secrets.json';

function setup(available = true) {
  const fs = createMemoryFileSystem();
  const encryption = fakeEncryption(available);
  const store = createSecretStore(encryption, createJsonFileStore(FILE, secretFileSchema, fs));
  return { fs, encryption, store };
}

describe('secret store', () => {
  it('round-trips a token per server and never writes it in plain text', async () => {
    const { fs, store } = setup();
    await store.setToken('https://sync.example.com/', 'tok-secret-123');
    await store.setToken('https://other.example.com', 'tok-other');
    expect(await store.getToken('https://SYNC.example.com')).toBe('tok-secret-123');
    expect(await store.getToken('https://other.example.com/')).toBe('tok-other');
    expect(fs.files.get(FILE)).not.toContain('tok-secret-123');
  });

  it('clears a token with null', async () => {
    const { store } = setup();
    await store.setToken('https://sync.example.com', 'tok');
    await store.setToken('https://sync.example.com', null);
    expect(await store.getToken('https://sync.example.com')).toBeNull();
  });

  it('refuses to store when OS encryption is unavailable and says so', async () => {
    const { fs, store } = setup(false);
    await expect(store.setToken('https://sync.example.com', 'tok')).rejects.toMatchObject({ code: 'failed', message: expect.stringContaining('Secure storage is not available') as unknown });
    expect(fs.files.size).toBe(0);
  });

  it('survives a restart (new store over the same file)', async () => {
    const { fs, encryption, store } = setup();
    await store.setToken('https://sync.example.com', 'tok');
    const again = createSecretStore(encryption, createJsonFileStore(FILE, secretFileSchema, fs));
    expect(await again.getToken('https://sync.example.com')).toBe('tok');
  });

  it('files tokens under the server, ignoring case of host and trailing slashes', () => {
    expect(secretKeyForServer('https://Sync.Example.com/api/')).toBe('https://sync.example.com/api');
    expect(() => secretKeyForServer('ftp://x.example.com')).toThrow(/http/);
  });
});
