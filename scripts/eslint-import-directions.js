// The directions imports may take inside renderer/src, as an ESLint rule (modelled on VS Code's
// code-import-patterns: per folder, the folders it may import). Lower layers never import higher
// ones, and a feature uses another feature only through that feature's index.ts, so a feature's
// files can be changed without reading every other feature.
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * Per folder of renderer/src, the other folders its files may import (shared/ is checked by the
 * zone rules). `*` means any. Features may import another feature only through its index.
 */
export const rendererDirections = {
  host: [],
  i18n: [],
  data: [],
  config: ['data'],
  // The kernel: services, mutations, router, session, ticker, sync controller, background services.
  app: ['data', 'host', 'i18n'],
  features: ['app', 'config', 'data', 'host', 'i18n', 'features'],
  // The shell renders features and lists the background services; main.tsx starts everything.
  shell: ['*'],
  '': ['*'],
};

/** Where a path under renderer/src belongs: its top folder, and for features the feature and the rest of the path. */
function unitOf(rel) {
  const parts = rel.split(sep);
  // A single name is a folder imported through its index (`../data`), else a file at the root (main.tsx).
  if (parts.length === 1) return parts[0] in rendererDirections ? { folder: parts[0], feature: undefined, rest: [] } : { folder: '', feature: undefined, rest: [] };
  if (parts[0] === 'features') return { folder: 'features', feature: parts[1], rest: parts.slice(2) };
  return { folder: parts[0], feature: undefined, rest: parts.slice(1) };
}

const isIndex = (rest) => rest.length === 0 || (rest.length === 1 && /^index(\.tsx?)?$/.test(rest[0]));

/** The problem with importing `to` from `from` (both relative to renderer/src), or undefined. */
export function directionProblem(from, to) {
  const a = unitOf(from);
  const b = unitOf(to);
  if (a.folder === b.folder && (a.folder !== 'features' || a.feature === b.feature)) return undefined;
  const allowed = rendererDirections[a.folder] ?? [];
  const where = a.folder === '' ? 'renderer/src' : `renderer/src/${a.folder}/`;
  if (!allowed.includes('*') && !allowed.includes(b.folder)) {
    return `${where} must not import renderer/src/${b.folder}/ (it may import ${allowed.length ? allowed.join(', ') : 'only shared/'})`;
  }
  if (a.folder === 'features' && b.folder === 'features' && !isIndex(b.rest)) {
    return `a feature uses feature "${b.feature}" only through its index.ts, not ${b.rest.join('/')}`;
  }
  if (a.folder !== 'features' && b.folder === 'features' && !isIndex(b.rest)) {
    return `import feature "${b.feature}" through its index.ts, not ${b.rest.join('/')}`;
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importDirections = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports inside renderer/src follow the layer directions; features meet only through index.ts.' },
    schema: [],
    messages: { wrong: '{{problem}}.' },
  },
  create(context) {
    const root = join(context.cwd, 'renderer', 'src');
    const file = context.filename;
    const fromRel = relative(root, file);
    if (fromRel.startsWith('..')) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const toRel = relative(root, normalize(join(dirname(file), source.value)));
      if (toRel.startsWith('..')) return; // shared/ and the other zones have rules of their own
      const problem = directionProblem(fromRel, toRel);
      if (problem) context.report({ node: source, messageId: 'wrong', data: { problem } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : undefined),
    };
  },
};

export const importDirectionsPlugin = { rules: { 'import-directions': importDirections } };

/** The flat-config block that applies the rule; eslint.config.js and the layering test share it. */
export const importDirectionsConfig = {
  files: ['renderer/src/**/*.{ts,tsx}'],
  plugins: { layers: importDirectionsPlugin },
  rules: { 'layers/import-directions': 'error' },
};
