import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '../../shared/dispatch/visit-schema';
import type { AuthUser } from '../../server/auth';
import type { Db } from '../../server/db/types';
import { push } from '../../server/push';
import { addUser, hasPostgres, memoryDb, newTicket, postgresDb, startPostgres, type TestUser } from './harness';

const H = 3_600_000;
const T0 = Date.UTC(2030, 5, 3, 8);
const asAuth = (u: TestUser): AuthUser => ({ id: u.id, tenantId: u.tenant, email: u.email, role: u.role, region: u.region });
let seq = 0;
function visit(ticketId: string, engineerId: string, start: number, end: number): Visit {
  return {
    id: `bk-${++seq}`, ticketId, customerId: 'cust-1', kind: 'fault', reason: 'requested_by_hand', engineerId, window: { start, end }, site: { address: '', timeZone: 'UTC' },
    status: 'tentative', travelBufferMinutes: 0, parts: [], workNotes: [], sequence: 0, history: [], createdAt: 1, createdBy: '', updatedAt: 1, updatedBy: '',
  };
}
const rawVisit = (id: string, status: string, start: number, end: number, engineerId = 'eng-1') => JSON.stringify({ id, engineerId, status, window: { start, end }, travelBufferMinutes: 0 });

async function constraintHolds(db: Db): Promise<void> {
  await db.query(`INSERT INTO tenants (id, name) VALUES ('t-excl', 't') ON CONFLICT DO NOTHING`);
  const ins = (id: string, data: string) => db.query(`INSERT INTO entities (tenant_id, tbl, id, data, version) VALUES ('t-excl', 'visits', $1, $2, 1)`, [id, data]);
  await ins('a', rawVisit('a', 'confirmed', 0, 100));
  await ins('b', rawVisit('b', 'confirmed', 100, 200)); // touching, not overlapping: [0,100) and [100,200)
  await ins('c', rawVisit('c', 'confirmed', 50, 150, 'eng-2')); // another engineer
  await ins('d', rawVisit('d', 'tentative', 50, 150)); // tentative visits may overlap
  await expect(db.query(`UPDATE entities SET data = $1 WHERE tenant_id = 't-excl' AND id = 'd'`, [rawVisit('d', 'confirmed', 50, 150)])).rejects.toMatchObject({ code: '23P01' });
  // Travel buffer counts: 30 minutes before 100 reaches back into visit a's window.
  const buffered = JSON.stringify({ id: 'e', engineerId: 'eng-1', status: 'confirmed', window: { start: 30 * 60_000 + 50, end: 40 * 60_000 }, travelBufferMinutes: 30 });
  await expect(ins('e', buffered)).rejects.toMatchObject({ code: '23P01' });
}

describe('confirmed visits never overlap (exclusion constraint)', () => {
  it('on embedded PGlite (btree_gist loaded as an extension)', async () => {
    const db = await memoryDb();
    try {
      await constraintHolds(db);
    } finally {
      await db.close();
    }
  });
});

(hasPostgres ? describe : describe.skip)('bookings on a real PostgreSQL 15 cluster', () => {
  let pg: { url: string; stop: () => void };
  let db1: Db;
  let db2: Db;
  beforeAll(async () => {
    pg = await startPostgres();
    db1 = await postgresDb(pg.url);
    db2 = await postgresDb(pg.url);
  });
  afterAll(async () => {
    await db1?.close();
    await db2?.close();
    pg?.stop();
  });

  it('the exclusion constraint refuses overlapping confirmed visits', async () => {
    await constraintHolds(db1);
  });

  it('concurrent pushes of overlapping bookings through two instances confirm exactly one; every other one is a visible conflict', async () => {
    const tenant = 'pg-bookings';
    const engineer = await addUser(db1, tenant, 'field_engineer');
    const dispatchers: TestUser[] = [];
    for (let i = 0; i < 8; i++) dispatchers.push(await addUser(db1, tenant, 'dispatcher'));
    const first = dispatchers[0];
    if (!first) throw new Error('no dispatcher');
    const tickets = dispatchers.map(() => newTicket());
    await push(db1, asAuth(first), 'setup-client-1', tickets.map((t, i) => ({ id: i + 1, name: 'ticket.create@1', args: { ticket: t }, baseVersions: {}, clientTime: 1 })), Date.now);

    for (let round = 0; round < 3; round++) {
      const start = T0 + round * 24 * H;
      // Every dispatcher books the same engineer into overlapping windows at the same moment, half through each instance.
      const visits = dispatchers.map((_, i) => visit(tickets[i]?.id ?? '', engineer.id, start + i * 10 * 60_000, start + 2 * H + i * 10 * 60_000));
      const answers = await Promise.all(
        dispatchers.map((d, i) => push(i % 2 === 0 ? db1 : db2, asAuth(d), `disp-${round}-${i}-client`, [{ id: 1, name: 'visit.create@1', args: { visit: visits[i] }, baseVersions: {}, clientTime: 1 }], Date.now)),
      );
      const statuses = answers.map((a) => a.results[0]?.status);
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'conflict')).toHaveLength(dispatchers.length - 1);
      const rows = await db1.query<{ id: string; status: string }>(
        `SELECT id, data->>'status' AS status FROM entities WHERE tenant_id = $1 AND tbl = 'visits' AND id = ANY($2::text[])`,
        [tenant, visits.map((v) => v.id)],
      );
      expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(1);
      expect(rows.filter((r) => r.status === 'tentative')).toHaveLength(dispatchers.length - 1);
      // Each refused booking left a conflict record every dispatcher pulls.
      const conflicts = await db1.query(`SELECT id FROM entities WHERE tenant_id = $1 AND tbl = 'conflicts' AND id LIKE 'disp-${round}-%'`, [tenant]);
      expect(conflicts).toHaveLength(dispatchers.length - 1);
    }
    const overlapping = await db1.query(
      `SELECT a.id FROM entities a JOIN entities b ON a.tenant_id = b.tenant_id AND a.id < b.id AND a.visit_engineer = b.visit_engineer AND a.visit_busy && b.visit_busy
       WHERE a.tenant_id = $1 AND a.visit_status = 'confirmed' AND b.visit_status = 'confirmed'`,
      [tenant],
    );
    expect(overlapping).toEqual([]);
  });
});
