// Rows stored before authorship came from the session get their author back from the "created"
// event the server stamped, with a new version so devices pull the fix. Real PGlite.
import { describe, expect, it } from 'vitest';
import { createPgliteDb } from './db/pglite';
import { migrate } from './db/migrate';

describe('migration 003: authors from sessions', () => {
  it('restores createdBy of forged tickets and visits from their created events, bumps their versions, leaves honest rows alone', async () => {
    const db = await createPgliteDb();
    try {
      await migrate(db);
      await db.query(`INSERT INTO tenants (id, name, version) VALUES ('t1', 'T', 10)`);
      const put = (tbl: string, id: string, ticketId: string | null, data: object, version: number) =>
        db.query(`INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, fv, version) VALUES ('t1', $1, $2, $3, $4, '{}', $5)`, [tbl, id, ticketId, JSON.stringify(data), version]);
      await put('tickets', 'SD-1', 'SD-1', { id: 'SD-1', createdBy: 'colleague' }, 1);
      await put('timeline', 'e1', 'SD-1', { kind: 'created', by: 'real-author' }, 1);
      await put('tickets', 'SD-2', 'SD-2', { id: 'SD-2', createdBy: 'honest' }, 2);
      await put('timeline', 'e2', 'SD-2', { kind: 'created', by: 'honest' }, 2);
      await put('visits', 'v1', 'SD-2', { id: 'v1', ticketId: 'SD-2', createdBy: 'colleague' }, 3);
      await put('timeline', 'e3', 'SD-2', { kind: 'visit', change: 'created', visitId: 'v1', by: 'dispatcher-1' }, 3);
      // Run 003 again as if upgrading a server that had only 001 and 002.
      await db.query(`DELETE FROM schema_migrations WHERE name = '004_authors_from_sessions.sql'`);
      expect(await migrate(db)).toContain('004_authors_from_sessions.sql');

      const rows = await db.query<{ id: string; by: string; version: string; fv: Record<string, { v: number }> }>(`SELECT id, data->>'createdBy' AS by, version, fv FROM entities WHERE tbl IN ('tickets', 'visits') ORDER BY id`);
      expect(rows.map((r) => [r.id, r.by, Number(r.version)])).toEqual([['SD-1', 'real-author', 11], ['SD-2', 'honest', 2], ['v1', 'dispatcher-1', 12]]);
      expect(rows[0]?.fv.createdBy?.v).toBe(11);
      const [t] = await db.query<{ version: string }>(`SELECT version FROM tenants WHERE id = 't1'`);
      expect(Number(t?.version)).toBe(12);
    } finally {
      await db.close();
    }
  });
});
