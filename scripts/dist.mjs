// `npm run dist`: build the bundles, then the installers with electron-builder. Offline, point
// ELECTRON_DIST at an unpacked Electron (the folder holding the electron executable).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryStatus, findElectronPackageDir } from './start.mjs';

export const missingElectronDistMessage =
  "Electron's binary is not installed on this machine and ELECTRON_DIST is not set; set ELECTRON_DIST to a folder with an unpacked Electron 45 (for example `ELECTRON_DIST=/opt/electron-v45 npm run dist`) to build installers offline.";

/** electron-builder arguments: our config, the local Electron when given, then the user's flags. */
export function electronBuilderArgs(env, extra) {
  const args = ['--config', 'electron-builder.yml'];
  if (env.ELECTRON_DIST) args.push(`-c.electronDist=${env.ELECTRON_DIST}`);
  return [...args, ...extra];
}

function run(root, script, args) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', ...script), ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (!process.env.ELECTRON_DIST) {
    const status = electronBinaryStatus({ electronPackageDir: findElectronPackageDir(root), env: process.env, exists: existsSync, readText: (p) => readFileSync(p, 'utf8') });
    if (!status.ok) {
      console.error(missingElectronDistMessage);
      process.exit(1);
    }
  } else if (!existsSync(process.env.ELECTRON_DIST)) {
    console.error(`ELECTRON_DIST points to ${process.env.ELECTRON_DIST}, which does not exist.`);
    process.exit(1);
  }
  const built = run(root, ['electron-vite', 'bin', 'electron-vite.js'], ['build']);
  if (built !== 0) process.exit(built);
  process.exit(run(root, ['electron-builder', 'cli.js'], electronBuilderArgs(process.env, process.argv.slice(2))));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
