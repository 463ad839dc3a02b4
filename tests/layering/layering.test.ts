import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLayeringViolations, importSpecifiers } from '../../scripts/layering';

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
