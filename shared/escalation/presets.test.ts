import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEscalationMatrixJson } from './index';

const dir = join(__dirname, '../../resources/presets/escalation');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('escalation presets', () => {
  it('ships at least the default matrix', () => {
    expect(files).toContain('default-matrix.json');
  });

  it.each(files)('%s is a valid matrix using only example.com addresses', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const r = importEscalationMatrixJson(text);
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([]);
    for (const address of text.match(/[\w.+-]+@[\w.-]+/g) ?? []) expect(address).toMatch(/@example\.com$/);
  });
});
