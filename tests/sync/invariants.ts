// Checks shared by the convergence tests: every device ends with the same store, every applied
// write is there, every refused write is a visible conflict.
import { expect } from 'vitest';
import { runMutation } from '../../renderer/src/data/mutate';
import { getClientId } from '../../renderer/src/data/mutate';
import type { Db } from '../../server/db/types';
import { snapshot, type TestClient } from './harness';

export type Made = { clientId: string; id: number; name: string; args: Record<string, unknown> };

/** Runs a mutation on a device and remembers it for the final checks. */
export async function act(c: TestClient, made: Made[], name: string, args: Record<string, unknown>): Promise<void> {
  const r = await runMutation(c.db, name, args, { now: c.clock.now });
  made.push({ clientId: await getClientId(c.db), id: r.id, name, args });
}

/** Syncs everyone twice (the second round delivers what the last pusher wrote) and checks the invariants. */
export async function convergeAndCheck(db: Db, tenant: string, clients: TestClient[], made: Made[]): Promise<void> {
  for (const c of clients) c.online.value = true;
  for (let round = 0; round < 2; round++) for (const c of clients) expect((await c.sync.syncNow()).state).toBe('idle');
  const snaps = await Promise.all(clients.map((c) => snapshot(c.db)));
  for (const s of snaps.slice(1)) expect(s).toEqual(snaps[0]);
  for (const c of clients) expect(await c.db.outbox.count()).toBe(0);

  const store = snaps[0] as { tickets: Array<{ id: string; title: string }>; timeline: Array<{ id: string; kind: string }>; conflicts: Array<{ id: string; clientId: string; mutationId: number }> };
  const refused = new Set((await db.query<{ client_id: string; mutation_id: string }>('SELECT client_id, mutation_id FROM conflicts WHERE tenant_id = $1', [tenant])).map((r) => `${r.client_id}:${Number(r.mutation_id)}`));
  const applied = await db.query<{ client_id: string; last: string }>('SELECT client_id, last_mutation_id AS last FROM clients WHERE tenant_id = $1', [tenant]);
  const lastOf = new Map(applied.map((r) => [r.client_id, Number(r.last)]));
  const eventIds = new Set(store.timeline.map((e) => e.id));
  const conflictKeys = new Set(store.conflicts.map((c) => `${c.clientId}:${c.mutationId}`));
  const ticketRows = await db.query<{ id: string; fv: Record<string, { v: number; c: string }> }>(`SELECT id, fv FROM entities WHERE tenant_id = $1 AND tbl = 'tickets'`, [tenant]);

  for (const m of made) {
    expect(lastOf.get(m.clientId) ?? 0, `mutation ${m.clientId}:${m.id} reached the server`).toBeGreaterThanOrEqual(m.id);
    const key = `${m.clientId}:${m.id}`;
    if (refused.has(key)) {
      expect(conflictKeys.has(key), `refused ${m.name} ${key} is a visible conflict`).toBe(true);
      continue;
    }
    if (m.name === 'timeline.addNote@1') expect(eventIds.has(`ev:${key}:0`), `note ${key} present`).toBe(true);
  }
  // The title each ticket shows is the last applied title write of the client that wrote it last.
  for (const row of ticketRows) {
    const w = row.fv.title;
    const t = store.tickets.find((x) => x.id === row.id);
    if (!w || !t) continue;
    const mine = made.filter((m) => m.clientId === w.c && m.name === 'ticket.update@1' && m.args.ticketId === row.id && (m.args.changes as { title?: string }).title !== undefined && !refused.has(`${m.clientId}:${m.id}`));
    const lastWrite = mine.at(-1);
    if (lastWrite) expect(t.title).toBe((lastWrite.args.changes as { title: string }).title);
  }
}
