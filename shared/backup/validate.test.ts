import { describe, expect, it } from 'vitest';
import { sampleBackup } from './fixtures.test-support';
import { MAX_BACKUP_ISSUES, validateBackup } from './validate';

/** A backup as it arrives: parsed JSON, detached from the fixture objects. */
function raw(mutate: (f: Record<string, unknown> & { tables: Record<string, unknown[]> }) => void = () => undefined): unknown {
  const f = JSON.parse(JSON.stringify(sampleBackup())) as Record<string, unknown> & { tables: Record<string, unknown[]> };
  mutate(f);
  return f;
}

describe('validateBackup', () => {
  it('accepts a well-formed backup and keeps every row exactly as written, unknown fields included', () => {
    const r = validateBackup(raw((f) => ((f.tables['tickets']![0] as Record<string, unknown>)['extraField'] = 'kept')), 3);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.tables.tickets[0]?.['extraField']).toBe('kept');
    expect(r.file.tables.outbox.map((e) => e.name)).toEqual(['ticket.create@1', 'timeline.addNote@1']);
  });

  it('says plainly when the file is not a backup at all', () => {
    const r = validateBackup({ hello: 'world' }, 3);
    expect(r).toEqual({ ok: false, truncated: false, issues: [{ message: 'this is not a Service Desk backup file' }] });
    const v2 = validateBackup(raw((f) => (f['version'] = 2)), 3);
    expect(!v2.ok && v2.issues[0]?.message).toMatch(/format version 1/);
  });

  it('refuses a file from a newer store schema', () => {
    const r = validateBackup(raw((f) => (f['schemaVersion'] = 9)), 3);
    expect(!r.ok && r.issues[0]?.message).toMatch(/newer app \(store schema 9, this app has 3\)/);
  });

  it('names the table, row and field of a bad row', () => {
    const r = validateBackup(raw((f) => ((f.tables['tickets']![1] as Record<string, unknown>)['status'] = 'exploded')), 3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ table: 'tickets', index: 1, id: 'SD-SRV-0009' });
    expect(r.issues[0]?.message).toMatch(/^status: /);
  });

  it('checks pending changes and sync states too', () => {
    const r = validateBackup(raw((f) => {
      (f.tables['outbox']![1] as Record<string, unknown>)['name'] = 'drop tables';
      (f.tables['syncState']![0] as Record<string, unknown>)['shadow'] = undefined;
    }), 3);
    expect(!r.ok && r.issues.map((i) => [i.table, i.index])).toEqual([['syncState', 0], ['outbox', 1]]);
  });

  it('reports a missing table and an unknown one; an older file without the warehouse is fine', () => {
    const r = validateBackup(raw((f) => {
      delete f.tables['timeline'];
      f.tables['secrets'] = [];
    }), 3);
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual(['unknown table "secrets"', 'table "timeline" is missing']);
    const old = validateBackup(raw((f) => delete f.tables['warehouse']), 3);
    expect(old.ok && old.file.tables.warehouse).toEqual([]);
  });

  it('finds duplicate ids and duplicate pending change ids', () => {
    const r = validateBackup(raw((f) => {
      f.tables['tickets']!.push(f.tables['tickets']![0]);
      f.tables['outbox']!.push(f.tables['outbox']![0]);
    }), 3);
    expect(!r.ok && r.issues.map((i) => `${i.table}:${i.id}:${i.message}`)).toEqual([
      'tickets:SD-OLD001-0001:the same id appears twice',
      'outbox:1:the same pending change id appears twice',
    ]);
  });

  it('stops listing after a bounded number of issues', () => {
    const r = validateBackup(raw((f) => (f.tables['customers'] = Array.from({ length: 500 }, (_, i) => ({ id: `c${i}` })))), 3);
    expect(!r.ok && r.issues.length).toBe(MAX_BACKUP_ISSUES);
    expect(!r.ok && r.truncated).toBe(true);
  });
});
