// The one layering rule of architecture.md, checked over the source tree (tests/layering runs it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

export type Zone = 'shared' | 'electron' | 'renderer' | 'server';
export type Violation = { file: string; line: number; specifier: string; rule: string };

const forbiddenPackages: Record<Zone, RegExp[]> = {
  shared: [/^electron(\/|$)/, /^node:/, /^react(-dom)?(\/|$)/, /^dexie/, /^pg$/, /^hono/, /^@hono\//, /^@electric-sql\//],
  renderer: [/^electron(\/|$)/, /^node:/],
  electron: [/^react(-dom)?(\/|$)/, /^dexie/],
  server: [/^electron(\/|$)/, /^react(-dom)?(\/|$)/, /^dexie/],
};
const forbiddenZones: Record<Zone, Zone[]> = {
  shared: ['electron', 'renderer', 'server'],
  renderer: ['electron', 'server'],
  electron: ['renderer', 'server'],
  server: ['electron', 'renderer'],
};

const importRe = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import specifier of a source text with its 1-based line number. */
export function importSpecifiers(source: string): { specifier: string; line: number }[] {
  const out: { specifier: string; line: number }[] = [];
  for (const m of source.matchAll(importRe)) {
    const specifier = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (!specifier) continue;
    out.push({ specifier, line: source.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0) });
  }
  return out;
}

function isPresetData(root: string, path: string): boolean {
  return path.startsWith(join(root, 'resources') + sep) && path.endsWith('.json');
}

function zoneOf(root: string, file: string): Zone | undefined {
  const top = relative(root, file).split(sep)[0];
  return top === 'shared' || top === 'electron' || top === 'renderer' || top === 'server' ? top : undefined;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name)) yield path;
  }
}

/** Checks every source file of the four zones under `root`; an empty list means the layering holds. */
export function findLayeringViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const zone of Object.keys(forbiddenZones) as Zone[]) {
    let files: string[];
    try {
      files = [...sourceFiles(join(root, zone))];
    } catch {
      continue; // a zone that does not exist has nothing to violate
    }
    for (const file of files) {
      for (const { specifier, line } of importSpecifiers(readFileSync(file, 'utf8'))) {
        const rel = relative(root, file);
        if (specifier.startsWith('.')) {
          const target = zoneOf(root, resolve(dirname(file), specifier));
          if (target && forbiddenZones[zone].includes(target)) violations.push({ file: rel, line, specifier, rule: `${zone}/ must not import ${target}/` });
          // Shipped presets are data, not code: shared/ may read resources/**/*.json (tests check presets).
          else if (!target && zone === 'shared' && !resolve(dirname(file), specifier).startsWith(join(root, 'shared')) && !isPresetData(root, resolve(dirname(file), specifier)))
            violations.push({ file: rel, line, specifier, rule: 'shared/ imports nothing outside shared/' });
        } else if (forbiddenPackages[zone].some((re) => re.test(specifier))) {
          violations.push({ file: rel, line, specifier, rule: `${zone}/ must not import ${specifier}` });
        }
      }
    }
  }
  return violations;
}
