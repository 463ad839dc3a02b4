import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandoffService, isInsideDir, resolveHandoffPath } from './handoff';
import { createMemoryFileSystem } from './memory-fs';

const DIR = '/tmp/service-desk-handoff';

function setup() {
  const fs = createMemoryFileSystem();
  const opened: string[] = [];
  const service = createHandoffService(DIR, fs, (p) => {
    opened.push(p);
    return Promise.resolve('');
  });
  return { fs, opened, service };
}

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

describe('hand-off service', () => {
  it('writes the .eml as UTF-8 text into its folder and opens it', async () => {
    const { fs, opened, service } = setup();
    const eml = 'X-Unsent: 1\r\nSubject: =?UTF-8?B?w6TDtsO8?=\r\n\r\nGrüße';
    const path = await service.write('SD-A-0001.eml', eml, '.eml');
    expect(path).toBe(join(DIR, 'SD-A-0001.eml'));
    expect(fs.files.get(path)).toBe(eml);
    await service.open(path);
    expect(opened).toEqual([path]);
  });

  it('refuses to open files it did not write, even inside its folder', async () => {
    const { fs, opened, service } = setup();
    fs.files.set(join(DIR, 'planted.eml'), 'x');
    await expect(service.open(join(DIR, 'planted.eml'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.open('/etc/passwd')).rejects.toMatchObject({ code: 'forbidden' });
    const path = await service.write('ok.eml', 'x', '.eml');
    await expect(service.open(`${DIR}/../service-desk-handoff/../${path}`)).rejects.toMatchObject({ code: 'forbidden' });
    expect(opened).toEqual([]);
  });

  it('rejects a bad name without writing anything', async () => {
    const { fs, service } = setup();
    await expect(service.write('../../.profile', 'x', '.eml')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(fs.files.size).toBe(0);
  });

  it('reports when the OS cannot open the file', async () => {
    const fs = createMemoryFileSystem();
    const service = createHandoffService(DIR, fs, () => Promise.resolve('no application is associated with .ics'));
    const path = await service.write('visit.ics', 'BEGIN:VCALENDAR', '.ics');
    await expect(service.open(path)).rejects.toMatchObject({ code: 'failed', message: expect.stringContaining('no application') as unknown });
  });
});
