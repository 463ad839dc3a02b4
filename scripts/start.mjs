// `npm start`: the desktop app through electron-vite (dev server, or `--preview` for the built
// app). Electron 45 no longer downloads its binary at `npm install`; when it is missing we run
// the electron package's own installer (which honours ELECTRON_MIRROR, electron_config_cache and
// the npm_config_* equivalents), and only when that fails say so in one sentence.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const missingElectronMessage =
  "Electron's binary could not be downloaded (offline, or the download mirror is unreachable), so the desktop app cannot start here; `npm run web` runs the same app in a browser.";

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

/**
 * Makes sure the binary is there: found -> done; missing -> run the installer once and look
 * again. Effects are injected so the decision is tested without a network.
 * Returns the final status ({ ok, path } or { ok: false, reason }).
 */
export function ensureElectronBinary({ findBinary, runInstaller, log }) {
  const first = findBinary();
  if (first.ok) return first;
  log(`Electron's binary is missing (${first.reason}); downloading it once with the electron package's installer.`);
  const code = runInstaller();
  if (code !== 0) return { ok: false, reason: `the installer exited with code ${code}` };
  return findBinary();
}

/** Runs node_modules/electron/install.js with the user's environment (mirror and cache settings). */
export function runElectronInstaller(electronPackageDir, env = process.env, stdio = 'inherit') {
  if (!electronPackageDir) return 1;
  const r = spawnSync(process.execPath, [join(electronPackageDir, 'install.js')], { env, stdio });
  return r.status ?? 1;
}

/** The binary status on this machine, after one install attempt when it was missing. */
export function ensureElectronHere(root) {
  const electronPackageDir = findElectronPackageDir(root);
  return ensureElectronBinary({
    findBinary: () => electronBinaryStatus({ electronPackageDir, env: process.env, exists: existsSync, readText: (p) => readFileSync(p, 'utf8') }),
    runInstaller: () => runElectronInstaller(electronPackageDir),
    log: (line) => console.error(line),
  });
}

/** `npm start` as a decision: start electron-vite when the binary is (or becomes) available, else exit 1. */
export function startDesktop({ ensure, launch, fail }) {
  const status = ensure();
  if (status.ok) return launch();
  return fail(missingElectronMessage);
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const mode = process.argv.includes('--preview') ? 'preview' : 'dev';
  startDesktop({
    ensure: () => ensureElectronHere(root),
    launch: () => {
      const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
      const child = spawn(process.execPath, [cli, mode], { cwd: root, stdio: 'inherit' });
      child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    },
    fail: (message) => {
      console.error(message);
      process.exit(1);
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
