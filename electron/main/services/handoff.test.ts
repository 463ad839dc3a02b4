import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandoffService, isInsideDir, resolveHandoffPath } from './handoff';
import { nodeHandoffFileSystem, writeExclusive } from './private-files';

const DIR = '/tmp/service-desk-handoff';
const posix = process.platform !== 'win32';
const roots: string[] = [];

/** A throwaway user-data folder on the real disk, with the hand-off folder inside it. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'handoff-test-'));
  roots.push(root);
  const dir = join(root, 'handoff');
  const opened: string[] = [];
  const service = createHandoffService(dir, nodeHandoffFileSystem, (p) => {
    opened.push(p);
    return Promise.resolve('');
  });
  return { root, dir, opened, service };
}

afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('hand-off paths', () => {
  it('puts a plain file name inside the hand-off folder and adds a missing extension', () => {
    expect(resolveHandoffPath(DIR, 'SD-A-0001 reply.eml', '.eml')).toEqual({ ok: true, path: join(DIR, 'SD-A-0001 reply.eml') });
    expect(resolveHandoffPath(DIR, 'visit', '.ics')).toEqual({ ok: true, path: join(DIR, 'visit.ics') });
  });

  it('rejects traversal, separators and hidden names', () => {
    for (const name of ['../evil.eml', '..', '..eml', 'a/b.eml', 'a\\b.eml', '.bashrc', 'x\0.eml']) {
      expect(resolveHandoffPath(DIR, name, '.eml').ok, name).toBe(false);
    }
  });

  it('knows what lies inside a folder', () => {
    expect(isInsideDir(DIR, `${DIR}/a.eml`)).toBe(true);
    expect(isInsideDir(DIR, `${DIR}/../a.eml`)).toBe(false);
    expect(isInsideDir(DIR, `${DIR}-other/a.eml`)).toBe(false);
    expect(isInsideDir(DIR, DIR)).toBe(false);
  });
});

describe('hand-off service on the real disk', () => {
  it('writes the .eml as UTF-8 into a private folder under its own name and opens it', async () => {
    const { dir, opened, service } = setup();
    const eml = 'X-Unsent: 1\r\nSubject: =?UTF-8?B?w6TDtsO8?=\r\n\r\nGrüße';
    const path = await service.write('SD-A-0001.eml', eml, '.eml');
    expect(basename(path)).toBe('SD-A-0001.eml');
    expect(isInsideDir(dir, path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(eml);
    await service.open(path);
    expect(opened).toEqual([path]);
  });

  it.runIf(posix)('keeps the folders owner-only (0700) and the file owner-only (0600)', async () => {
    const { dir, service } = setup();
    const path = await service.write('visit.ics', 'BEGIN:VCALENDAR', '.ics');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it.runIf(posix)('tightens a hand-off folder that others could enter', async () => {
    const { dir, service } = setup();
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    await service.write('visit.ics', 'x', '.ics');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('gives the same name an unpredictable, different path each time', async () => {
    const { service } = setup();
    const a = await service.write('SD-A-0001.eml', 'one', '.eml');
    const b = await service.write('SD-A-0001.eml', 'two', '.eml');
    expect(a).not.toBe(b);
    expect(dirname(a)).toMatch(/h-[A-Za-z0-9]{6}$/);
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['one', 'two']);
  });

  it.runIf(posix)('never follows a hand-off folder that was replaced by a link to somewhere else', async () => {
    const { root, dir, service } = setup();
    const victim = join(root, 'victim');
    mkdirSync(victim);
    symlinkSync(victim, dir);
    await expect(service.write('SD-A-0001.eml', 'payload', '.eml')).rejects.toThrow(/not a private folder/);
    expect(readdirSync(victim)).toEqual([]);
  });

  it.runIf(posix)('never writes through a planted symlink, even at the exact path', async () => {
    const { root } = setup();
    const victim = join(root, '.bashrc');
    writeFileSync(victim, 'original');
    const planted = join(root, 'SD-A-0001.eml');
    symlinkSync(victim, planted);
    await expect(writeExclusive(planted, 'payload')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(victim, 'utf8')).toBe('original');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  });

  it('refuses to open files it did not write, even inside its folder', async () => {
    const { dir, opened, service } = setup();
    const path = await service.write('ok.eml', 'x', '.eml');
    const planted = join(dirname(path), 'planted.eml');
    writeFileSync(planted, 'x');
    await expect(service.open(planted)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.open('/etc/passwd')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.open(`${dir}/../handoff/../${path}`)).rejects.toMatchObject({ code: 'forbidden' });
    expect(opened).toEqual([]);
  });

  it('rejects a bad name without creating anything', async () => {
    const { dir, service } = setup();
    await expect(service.write('../../.profile', 'x', '.eml')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(existsSync(dir)).toBe(false);
  });

  it('reports when the OS cannot open the file', async () => {
    const { dir } = setup();
    const service = createHandoffService(dir, nodeHandoffFileSystem, () => Promise.resolve('no application is associated with .ics'));
    const path = await service.write('visit.ics', 'BEGIN:VCALENDAR', '.ics');
    await expect(service.open(path)).rejects.toMatchObject({ code: 'failed', message: expect.stringContaining('no application') as unknown });
  });
});
