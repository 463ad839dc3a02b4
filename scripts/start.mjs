// `npm start`: the desktop app through electron-vite (dev server, or `--preview` for the built
// app). When the Electron binary is not installed, say so in one sentence instead of a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const missingElectronMessage =
  "Electron's binary is not installed on this machine, so the desktop app cannot start here; `npm run web` runs the same app in a browser.";

/**
 * Where the Electron executable is, mirroring how the `electron` package finds it (path.txt
 * under its folder, or ELECTRON_OVERRIDE_DIST_PATH) but without its download-on-require.
 * Pure: the file system comes in as `exists` and `readText`.
 */
export function electronBinaryStatus({ electronPackageDir, env, exists, readText }) {
  if (!electronPackageDir || !exists(electronPackageDir)) return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = join(electronPackageDir, 'path.txt');
  const relative = exists(pathFile) ? readText(pathFile).trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative || 'electron');
    return exists(path) ? { ok: true, path } : { ok: false, reason: `${path} does not exist` };
  }
  if (!relative) return { ok: false, reason: 'the Electron download never completed (no path.txt)' };
  const path = join(electronPackageDir, 'dist', relative);
  return exists(path) ? { ok: true, path } : { ok: false, reason: `${path} does not exist` };
}

/** The electron package folder, found without executing it (requiring it would try a download). */
export function findElectronPackageDir(fromDir) {
  try {
    return dirname(createRequire(join(fromDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const status = electronBinaryStatus({
    electronPackageDir: findElectronPackageDir(root),
    env: process.env,
    exists: existsSync,
    readText: (p) => readFileSync(p, 'utf8'),
  });
  if (!status.ok) {
    console.error(missingElectronMessage);
    process.exit(1);
  }
  const mode = process.argv.includes('--preview') ? 'preview' : 'dev';
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, mode], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
