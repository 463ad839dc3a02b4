import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAttachmentOpener } from './attachment-opener';
import { nodeAttachmentCacheFileSystem } from './private-files';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = new TextEncoder().encode('%PDF-1.7\nrouter crash report');

function setup() {
  const dir = join(mkdtempSync(join(tmpdir(), 'open-att-')), 'attachment-cache');
  const opened: string[] = [];
  const opener = createAttachmentOpener(dir, nodeAttachmentCacheFileSystem, (p) => {
    opened.push(p);
    return Promise.resolve('');
  }, sha);
  return { dir, opened, opener };
}

describe('opening attachments through the OS', () => {
  it('writes the bytes once under their hash and the sanitised name, private to the user, and reuses the copy', async () => {
    const { dir, opened, opener } = setup();
    expect(await opener.open('../crash\u202Efdp.pdf', bytes)).toEqual({ outcome: 'opened' });
    expect(await opener.open('../crash\u202Efdp.pdf', bytes)).toEqual({ outcome: 'opened' });
    const expected = join(dir, sha(bytes), 'crashfdp.pdf');
    expect(opened).toEqual([expected, expected]);
    expect(readFileSync(expected)).toEqual(Buffer.from(bytes));
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o077).toBe(0);
      expect(statSync(expected).mode & 0o077).toBe(0);
    }
  });

  it('never opens a copy changed in another app: the original goes into a fresh folder', async () => {
    const { opened, opener } = setup();
    await opener.open('crash.pdf', bytes);
    writeFileSync(opened[0] ?? '', 'edited in the viewer');
    await opener.open('crash.pdf', bytes);
    expect(opened[1]).not.toBe(opened[0]);
    expect(readFileSync(opened[1] ?? '')).toEqual(Buffer.from(bytes));
  });

  it('does not write through a link planted where the copy would go', async () => {
    const { dir, opened, opener } = setup();
    const victim = join(dirname(dir), 'victim.txt');
    writeFileSync(victim, 'keep me');
    mkdirSync(join(dir, sha(bytes)), { recursive: true, mode: 0o700 });
    symlinkSync(victim, join(dir, sha(bytes), 'crash.pdf'));
    await opener.open('crash.pdf', bytes);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readFileSync(opened[0] ?? '')).toEqual(Buffer.from(bytes));
  });

  it('refuses programs, scripts and pages without writing anything or asking the OS', async () => {
    const { dir, opened, opener } = setup();
    expect(await opener.open('setup.exe', bytes)).toEqual({ outcome: 'refused', reason: 'executable' });
    expect(await opener.open('fix.bat', bytes)).toEqual({ outcome: 'refused', reason: 'script' });
    expect(await opener.open('page.html', bytes)).toEqual({ outcome: 'refused', reason: 'web_page' });
    expect(opened).toEqual([]);
    expect(() => readdirSync(dir)).toThrow();
  });

  it('reports what the OS said when it could not open the file', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'open-att-')), 'attachment-cache');
    const opener = createAttachmentOpener(dir, nodeAttachmentCacheFileSystem, () => Promise.resolve('no application is associated'), sha);
    await expect(opener.open('crash.pdf', bytes)).rejects.toThrow('no application is associated');
  });
});
