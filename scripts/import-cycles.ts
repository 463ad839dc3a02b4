// Finds import cycles between source files: a cycle means neither side can be understood, tested
// or moved without the other, so the tree keeps none (tests/layering runs this over the sources).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importSpecifiers } from './layering';

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report', 'fixture']);

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/**
 * The file a relative specifier names, resolved as the bundler does: the path itself, then with
 * .ts/.tsx, then its folder's index. Package imports and non-source files (css, json) are not ours.
 */
export function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  // `./x.js` written for a TypeScript file `x.ts`.
  if (/\.(m|c)?js$/.test(base)) candidates.push(base.replace(/\.(m|c)?js$/, '.ts'));
  return candidates.find((c) => SOURCE.test(c) && existsSync(c) && statSync(c).isFile());
}

/** Every source file under `roots` (folders of `root`) with the source files it imports; type-only imports count. */
export function importGraph(root: string, roots: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const top of roots) {
    const dir = join(root, top);
    if (!existsSync(dir)) continue;
    for (const file of sourceFiles(dir)) {
      const targets = new Set<string>();
      for (const { specifier } of importSpecifiers(readFileSync(file, 'utf8'))) {
        const target = resolveImport(file, specifier);
        if (target) targets.add(relative(root, target).split(sep).join('/'));
      }
      graph.set(relative(root, file).split(sep).join('/'), [...targets].sort());
    }
  }
  return graph;
}

/**
 * The import cycles of a graph: one per strongly connected component of more than one file (or a
 * file importing itself), each given as a closed path through the component, e.g. `a -> b -> a`.
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so a deep import chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.i < edges.length) {
        const to = edges[frame.i++]!;
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== frame.node);
        const selfLoop = component.length === 1 && (graph.get(n) ?? []).includes(n);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((c) => cyclePath(graph, new Set(c))).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A shortest closed path from the component's first file back to itself (breadth-first). */
function cyclePath(graph: ReadonlyMap<string, readonly string[]>, members: ReadonlySet<string>): string[] {
  const start = [...members].sort()[0]!;
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const to of graph.get(n) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at: string | undefined = n; at !== undefined && at !== start; at = prev.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!prev.has(to)) {
        prev.set(to, n);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** The source folders whose files must not import in a circle. */
export const cycleRoots = ['shared', 'renderer', 'electron', 'server', 'scripts', 'tests'] as const;

/** Every import cycle under `root`, each as `a -> b -> a` (empty when there is none). */
export function findImportCycles(root: string, roots: readonly string[] = cycleRoots): string[] {
  return findCycles(importGraph(root, roots)).map((c) => c.join(' -> '));
}
