// Push throughput per tenant on PostgreSQL next to the physical limit measured in the same run:
// transactions that only do `UPDATE counter ... RETURNING` + one INSERT. Goals: batched push >= 0.6x
// raw, a single-mutation push (the common case of an online device) >= 0.5x raw. The single-push and
// raw rounds alternate, so load from other processes on the machine hits both alike.
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
    const rawTx = async () =>
      db.transaction(async (tx) => {
        const [r] = await tx.query<{ n: string }>('UPDATE bench_counter SET n = n + 1 WHERE id = 1 RETURNING n');
        await tx.query('INSERT INTO bench_rows (n, data) VALUES ($1, $2)', [Number(r?.n), payload]);
      });
    const note = (i: number) => ({ id: i + 1, name: 'timeline.addNote@1', args: { ticketId: t.id, visibility: 'internal', text: `note ${i}` }, baseVersions: {}, clientTime: i });

    // Alternating rounds: raw transactions, then single-mutation pushes (one note per request: the
    // floor when a client has one change to send).
    const ROUNDS = 20;
    const PER_ROUND = 40;
    let rawMs = 0;
    let singleMs = 0;
    let next = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const a = performance.now();
      for (let i = 0; i < PER_ROUND; i++) await rawTx();
      const b = performance.now();
      for (let i = 0; i < PER_ROUND; i++) await push(db, user, 'bench-client-2', [note(next++)], Date.now);
      singleMs += performance.now() - b;
      rawMs += b - a;
    }
    const rawRate = (ROUNDS * PER_ROUND) / (rawMs / 1000);
    const singleRate = (ROUNDS * PER_ROUND) / (singleMs / 1000);

    // Real pushes: one note per mutation, sent in batches of 100 like the client does.
    const mutations = Array.from({ length: N }, (_, i) => note(i));
    const t1 = performance.now();
    for (let i = 0; i < N; i += 100) await push(db, user, 'bench-client-1', mutations.slice(i, i + 100), Date.now);
    const pushRate = N / ((performance.now() - t1) / 1000);

    console.log(`raw UPDATE counter + INSERT transactions: ${rawRate.toFixed(0)} tx/s (baseline)`);
    console.log(`push (timeline.addNote@1, one mutation per request): ${singleRate.toFixed(0)} mutations/s = ${(singleRate / rawRate).toFixed(2)}x raw (goal >= 0.5x)`);
    console.log(`push (timeline.addNote@1, batches of 100): ${pushRate.toFixed(0)} mutations/s = ${(pushRate / rawRate).toFixed(2)}x raw (goal >= 0.6x)`);
  } finally {
    await db.close();
    pg.stop();
  }
}
