// `npm run dist`: build the bundles, then the installers with electron-builder. Like `npm start`,
// a missing Electron binary is first fetched with the electron package's own installer; offline,
// point ELECTRON_DIST at an unpacked Electron (the folder holding the electron executable).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronHere } from './start.mjs';

export const missingElectronDistMessage =
  "Electron's binary could not be downloaded (offline, or the download mirror is unreachable) and ELECTRON_DIST is not set, so no installer can be built here; set ELECTRON_DIST to a folder with an unpacked Electron 45 (`ELECTRON_DIST=/opt/electron-v45 npm run dist`), or use `npm run web` to run the app in a browser.";

/** electron-builder arguments: our config, the local Electron when given, then the user's flags. */
export function electronBuilderArgs(env, extra) {
  const args = ['--config', 'electron-builder.yml'];
  if (env.ELECTRON_DIST) args.push(`-c.electronDist=${env.ELECTRON_DIST}`);
  return [...args, ...extra];
}

/**
 * `npm run dist` as a decision over injected effects: make sure an Electron is available (the
 * given ELECTRON_DIST, or the installed/installable binary), then build and package.
 * Returns the exit code.
 */
export function buildInstallers({ env, extra, distExists, ensure, build, pack, fail }) {
  if (env.ELECTRON_DIST) {
    if (!distExists(env.ELECTRON_DIST)) return fail(`ELECTRON_DIST points to ${env.ELECTRON_DIST}, which does not exist.`);
  } else if (!ensure().ok) {
    return fail(missingElectronDistMessage);
  }
  const built = build();
  if (built !== 0) return built;
  return pack(electronBuilderArgs(env, extra));
}

function run(root, script, args) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', ...script), ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const code = buildInstallers({
    env: process.env,
    extra: process.argv.slice(2),
    distExists: existsSync,
    ensure: () => ensureElectronHere(root),
    build: () => run(root, ['electron-vite', 'bin', 'electron-vite.js'], ['build']),
    pack: (args) => run(root, ['electron-builder', 'cli.js'], args),
    fail: (message) => {
      console.error(message);
      return 1;
    },
  });
  process.exit(code);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
