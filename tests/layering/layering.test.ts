import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { findLayeringViolations, importSpecifiers } from '../../scripts/layering';
import { importDirectionsConfig } from '../../scripts/eslint-import-directions.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('layering', () => {
  it('holds for the real source tree', () => {
    expect(findLayeringViolations(join(here, '..', '..'))).toEqual([]);
  });

  it('catches every forbidden import in the fixture', () => {
    const found = findLayeringViolations(join(here, 'fixture')).map((v) => `${v.file}:${v.line} ${v.specifier}`);
    expect(found.sort()).toEqual(
      [
        'electron/bad.ts:1 ../renderer/App',
        'renderer/bad.ts:1 ../electron/main/ipc',
        'renderer/bad.ts:2 ../server/app',
        'shared/bad.ts:1 electron',
        'shared/bad.ts:2 node:fs',
        'shared/bad.ts:3 react',
        'shared/bad.ts:4 dexie',
        'shared/bad.ts:5 ../renderer/db',
      ].sort(),
    );
  });

  it('reads static, side-effect, dynamic and require imports', () => {
    const src = "import a from 'a';\nimport 'b';\nexport * from 'c';\nconst d = await import('d');\nconst e = require('e');";
    expect(importSpecifiers(src).map((s) => s.specifier)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('import directions inside the renderer (the ESLint rule of eslint.config.js)', () => {
  it('fails each forbidden direction of the fixture, and nothing that is allowed', async () => {
    // The same config block the project's lint uses, on the fixture tree (parsed without type information).
    const eslint = new ESLint({
      cwd: join(here, 'fixture'),
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, importDirectionsConfig],
      ignore: false,
    });
    const results = await eslint.lintFiles(['renderer/src/**/*.ts']);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(join(here, 'fixture').length + 1)}:${m.line} ${m.ruleId ?? m.message}`));
    expect(found.sort()).toEqual(
      [
        'renderer/src/app/imports-feature.ts:2 layers/import-directions',
        'renderer/src/app/imports-shell.ts:2 layers/import-directions',
        'renderer/src/config/imports-kernel.ts:2 layers/import-directions',
        'renderer/src/data/imports-feature.ts:2 layers/import-directions',
        'renderer/src/data/imports-kernel.ts:2 layers/import-directions',
        'renderer/src/features/queue/imports-internal.ts:2 layers/import-directions',
        'renderer/src/features/queue/imports-shell.ts:2 layers/import-directions',
        'renderer/src/host/imports-data.ts:2 layers/import-directions',
        'renderer/src/shell/imports-internal.ts:2 layers/import-directions',
      ].sort(),
    );
    const messages = results.flatMap((r) => r.messages.map((m) => m.message)).join('\n');
    expect(messages).toContain('a feature uses feature "escalation" only through its index.ts, not auto-run');
    expect(messages).toContain('renderer/src/data/ must not import renderer/src/features/');
  });
});
