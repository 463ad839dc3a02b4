import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Mailbox passwords are stored as AES-256-GCM ciphertext: a copy of the database (a backup, a
// dump) opens no mailbox without the key, and a tampered value fails to decrypt instead of being
// used. The key never enters the database.

export type SecretBox = { seal: (plain: string) => string; open: (sealed: string) => string };

/** A box over a 32-byte key; sealed values are `v1.<iv>.<tag>.<ciphertext>` in base64. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error(`the mail key must be 32 bytes, got ${key.length}`);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('stored mailbox secret has an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The mail key: MAIL_KEY (64 hex digits or base64 of 32 bytes) when set — every instance sharing
 * one PostgreSQL needs the same one — otherwise the file MAIL_KEY_FILE, by default `mail.key` next
 * to the embedded database, created (owner-only) on first use.
 */
export function loadMailKey(env: { MAIL_KEY?: string; MAIL_KEY_FILE?: string; DATA_DIR?: string }, defaultDataDir: string): Buffer {
  if (env.MAIL_KEY) return parseKey(env.MAIL_KEY, 'MAIL_KEY');
  const file = env.MAIL_KEY_FILE ?? join(env.DATA_DIR ?? defaultDataDir, 'mail.key');
  if (existsSync(file)) return parseKey(readFileSync(file, 'utf8').trim(), file);
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return parseKey(readFileSync(file, 'utf8').trim(), file);
  }
}

function parseKey(text: string, from: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${from}: the mail key must be 32 bytes (64 hex digits or base64)`);
  return key;
}
