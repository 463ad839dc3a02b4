import { describe, expect, it } from 'vitest';
import { escalationMatrixSchema, exportEscalationMatrixJson } from './index';

// import.meta.glob (Vite) reads every preset without node:fs, which shared/ may not import.
const presets = import.meta.glob<unknown>('../../resources/presets/escalation/*.json', { eager: true, import: 'default' });
const entries = Object.entries(presets).map(([path, data]) => [path.split('/').pop() ?? path, data] as const);

describe('escalation presets', () => {
  it('ships at least the default matrix', () => {
    expect(entries.map(([name]) => name)).toContain('default-matrix.json');
  });

  it.each(entries)('%s is a valid matrix using only example.com addresses', (_name, data) => {
    const r = escalationMatrixSchema.safeParse(data);
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    const text = JSON.stringify(data);
    for (const address of text.match(/[\w.+-]+@[\w.-]+/g) ?? []) expect(address).toMatch(/@example\.com$/);
    if (r.success) expect(JSON.parse(exportEscalationMatrixJson(r.data))).toEqual(r.data);
  });
});
