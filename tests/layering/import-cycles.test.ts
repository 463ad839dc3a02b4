import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCycles, findImportCycles } from '../../scripts/import-cycles';

const here = dirname(fileURLToPath(import.meta.url));

describe('import cycles', () => {
  it('there are none in the source tree', () => {
    expect(findImportCycles(join(here, '..', '..'))).toEqual([]);
  });

  it('names the cycle of the fixture, through a folder index and a type-only import', () => {
    expect(findImportCycles(join(here, 'fixture', 'cycles'), ['src'])).toEqual(['src/a.ts -> src/b/index.ts -> src/b/c.tsx -> src/a.ts']);
  });

  it('finds every cycle of a graph, self-imports included, and nothing in a graph without one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['g']],
      ['g', []],
    ]);
    expect(findCycles(graph)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
    expect(findCycles(new Map([['x', ['y']], ['y', []]]))).toEqual([]);
  });
});
