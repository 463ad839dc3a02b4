import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBuilderArgs } from './dist.mjs';
import { electronBinaryStatus, missingElectronMessage } from './start.mjs';

const pkg = '/repo/node_modules/electron';

function fsWith(files: Record<string, string>) {
  return { exists: (p: string) => p === pkg || p in files, readText: (p: string) => files[p] ?? '' };
}

describe('electron binary detection', () => {
  it('reports a missing binary when the download never happened (no path.txt, no dist)', () => {
    expect(electronBinaryStatus({ electronPackageDir: pkg, env: {}, ...fsWith({}) })).toMatchObject({ ok: false });
  });

  it('reports a missing binary when path.txt names a file that is not there', () => {
    expect(electronBinaryStatus({ electronPackageDir: pkg, env: {}, ...fsWith({ [join(pkg, 'path.txt')]: 'electron' }) })).toMatchObject({ ok: false });
  });

  it('finds an installed binary', () => {
    const files = { [join(pkg, 'path.txt')]: 'electron\n', [join(pkg, 'dist', 'electron')]: '' };
    expect(electronBinaryStatus({ electronPackageDir: pkg, env: {}, ...fsWith(files) })).toEqual({ ok: true, path: join(pkg, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const files = { '/opt/electron-v45/electron': '' };
    expect(electronBinaryStatus({ electronPackageDir: pkg, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-v45' }, ...fsWith(files) })).toEqual({ ok: true, path: '/opt/electron-v45/electron' });
  });

  it('reports a missing package', () => {
    expect(electronBinaryStatus({ electronPackageDir: null, env: {}, exists: () => false, readText: () => '' })).toMatchObject({ ok: false });
  });

  it('says it in one sentence and points to npm run web', () => {
    expect(missingElectronMessage.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
    expect(missingElectronMessage).toContain('npm run web');
  });
});

describe('dist arguments', () => {
  it('passes a local Electron to electron-builder only when ELECTRON_DIST is set', () => {
    expect(electronBuilderArgs({ ELECTRON_DIST: '/opt/electron-v45' }, ['--linux'])).toEqual(['--config', 'electron-builder.yml', '-c.electronDist=/opt/electron-v45', '--linux']);
    expect(electronBuilderArgs({}, [])).toEqual(['--config', 'electron-builder.yml']);
  });
});
