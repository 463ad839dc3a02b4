import { afterEach, describe, expect, it } from 'vitest';
import { exportEscalationMatrixCsv, exportEscalationMatrixJson } from '../../../../shared/escalation';
import { openDb, runMutation, type ServiceDeskDb } from '../../data';
import { detectFormat, importMatrixFile, importProblems } from './import-errors';
import { loadEscalationMatrices, overlayMatrices, presetEscalationMatrices } from './matrices';
import { revertEscalationMatrix, saveEscalationMatrix } from './save-matrix';

const preset = presetEscalationMatrices.find((m) => m.id === 'default')!;

describe('import errors as the settings screen shows them', () => {
  it('a bad CSV cell is reported with its row and column, nothing else is kept', () => {
    const lines = exportEscalationMatrixCsv(preset).trimEnd().split(/\r?\n/);
    lines[3] = lines[3]!.replace(/[\w.]+@example\.com/, 'not-an-address');
    const r = importMatrixFile('matrix.csv', lines.join('\r\n'), preset);
    if (r.ok) throw new Error('expected errors');
    const problems = importProblems(r.errors);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.where).toEqual({ row: 4, column: expect.stringMatching(/^(email|mailbox)$/) });
    expect(problems[0]?.message).toContain('not-an-address');
  });

  it('a JSON problem is reported by its field path; a broken file by its parse error', () => {
    const bad = JSON.parse(exportEscalationMatrixJson(preset)) as { levels: Array<{ id: string }> };
    bad.levels[2]!.id = 'Bad Id';
    const r = importMatrixFile('m.json', JSON.stringify(bad), undefined);
    if (r.ok) throw new Error('expected errors');
    expect(importProblems(r.errors)[0]).toEqual({ where: { path: 'levels.2.id' }, message: expect.stringContaining('lower-case') });
    const broken = importMatrixFile('m.json', '{"id":', undefined);
    expect(!broken.ok && importProblems(broken.errors)).toEqual([{ where: null, message: expect.stringContaining('not valid JSON') }]);
  });

  it('the format comes from the file name, else the content; a BOM does not matter', () => {
    expect(detectFormat('a.JSON', '')).toBe('json');
    expect(detectFormat('a.csv', '{')).toBe('csv');
    expect(detectFormat('export', '  {"id":1}')).toBe('json');
    const r = importMatrixFile('m.json', `\uFEFF${exportEscalationMatrixJson(preset)}`, undefined);
    expect(r.ok).toBe(true);
    expect(importMatrixFile('m.csv', 'level,kind\n', undefined).ok).toBe(false);
  });
});

describe('saving an imported matrix', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('a CSV edit replaces the preset with the same id, and reverting brings the preset back', async () => {
    db = openDb('esc-matrix-save');
    const csv = exportEscalationMatrixCsv(preset).replaceAll('gateway-escalation@example.com', 'gw-new@example.com');
    const r = importMatrixFile('m.csv', csv, preset);
    if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('; '));
    const mutate = async (name: string, args: unknown) => runMutation(db as ServiceDeskDb, name, args);
    await saveEscalationMatrix(mutate, r.matrix);
    const edited = (await loadEscalationMatrices(db)).find((m) => m.id === 'default');
    expect(JSON.stringify(edited)).toContain('gw-new@example.com');
    expect(JSON.stringify(edited)).not.toContain('gateway-escalation@example.com');
    await revertEscalationMatrix(mutate, 'default');
    expect(JSON.stringify((await loadEscalationMatrices(db)).find((m) => m.id === 'default'))).toContain('gateway-escalation@example.com');
  });

  it('an invalid stored row is not used and is reported', () => {
    const o = overlayMatrices(presetEscalationMatrices, [{ id: 'default', policyId: 'default', name: 'broken', levels: [] }]);
    expect(o.matrices.find((m) => m.id === 'default')?.name).toBe(preset.name);
    expect(o.invalid).toEqual([{ id: 'default', message: expect.stringContaining('levels') }]);
    expect(o.storedIds.size).toBe(0);
  });
});
