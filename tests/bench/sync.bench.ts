// Push throughput per tenant on PostgreSQL next to the physical limit measured in the same run:
// transactions that only do `UPDATE counter ... RETURNING` + one INSERT. Goal: push >= 0.6x raw.
// (The Dexie bulk-pull part in Chromium is a separate, later bench.)
import { push } from '../../server/push';
import type { AuthUser } from '../../server/auth';
import { createUser } from '../../server/auth';
import { hasPostgres, postgresDb, startPostgres } from '../sync/harness';
import { newTicket } from '../sync/harness';

const N = 2000;

export async function run(): Promise<void> {
  if (!hasPostgres) {
    console.log('PostgreSQL binaries missing: sync bench skipped');
    return;
  }
  const pg = await startPostgres();
  const db = await postgresDb(pg.url);
  try {
    const u = await createUser(db, { tenant: 'bench', email: 'bench@example.com', role: 'agent', region: 'north', password: 'bench-password' });
    const user: AuthUser = { ...u };
    const t = newTicket();
    await push(db, user, 'bench-client-0', [{ id: 1, name: 'ticket.create@1', args: { ticket: t }, baseVersions: {}, clientTime: 1 }], Date.now);

    await db.query('CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL)');
    await db.query('CREATE TABLE bench_rows (n bigint PRIMARY KEY, data jsonb)');
    await db.query('INSERT INTO bench_counter VALUES (1, 0)');
    const payload = JSON.stringify({ kind: 'note', text: 'x'.repeat(60) });
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      await db.transaction(async (tx) => {
        const [r] = await tx.query<{ n: string }>('UPDATE bench_counter SET n = n + 1 WHERE id = 1 RETURNING n');
        await tx.query('INSERT INTO bench_rows (n, data) VALUES ($1, $2)', [Number(r?.n), payload]);
      });
    }
    const rawRate = N / ((performance.now() - t0) / 1000);

    // Real pushes: one note per mutation, sent in batches of 100 like the client does.
    const mutations = Array.from({ length: N }, (_, i) => ({ id: i + 1, name: 'timeline.addNote@1', args: { ticketId: t.id, visibility: 'internal', text: `note ${i}` }, baseVersions: {}, clientTime: i }));
    const t1 = performance.now();
    for (let i = 0; i < N; i += 100) await push(db, user, 'bench-client-1', mutations.slice(i, i + 100), Date.now);
    const pushRate = N / ((performance.now() - t1) / 1000);

    // One mutation per request: the floor when a client has a single change to send.
    const single = mutations.slice(0, 300).map((m) => ({ ...m }));
    const t2 = performance.now();
    for (const m of single) await push(db, user, 'bench-client-2', [m], Date.now);
    const singleRate = single.length / ((performance.now() - t2) / 1000);

    console.log(`raw UPDATE counter + INSERT transactions: ${rawRate.toFixed(0)} tx/s (baseline)`);
    console.log(`push (timeline.addNote@1, one mutation per request): ${singleRate.toFixed(0)} mutations/s = ${(singleRate / rawRate).toFixed(2)}x raw`);
    console.log(`push (timeline.addNote@1, batches of 100): ${pushRate.toFixed(0)} mutations/s = ${(pushRate / rawRate).toFixed(2)}x raw (goal >= 0.6x)`);
  } finally {
    await db.close();
    pg.stop();
  }
}
