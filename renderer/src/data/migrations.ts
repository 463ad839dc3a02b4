import type { Transaction } from 'dexie';
import { prepareMutation } from '../../../shared/sync';
import type { OutboxEntry, SyncStateRow } from './rows';
import { inlineMetaTables, withMeta } from './sync-meta';

/**
 * Rewrites pending outbox entries made under older mutation versions (e.g. `ticket.update@0`) into
 * the current version's name and arguments, keeping their id, base versions and time, so the
 * queue survives a build that no longer knows the old names. An entry this build cannot upgrade
 * (invalid or unknown) is left as it is for the server to judge. Call from every schema upgrade.
 */
export async function upgradeOutboxEntries(tx: Transaction): Promise<number> {
  let rewritten = 0;
  await tx
    .table<OutboxEntry, number>('outbox')
    .toCollection()
    .modify((e) => {
      const prepared = prepareMutation(e.name, e.args);
      if (!prepared.ok || prepared.mutation.name === e.name) return;
      e.name = prepared.mutation.name;
      e.args = prepared.mutation.args;
      rewritten++;
    });
  return rewritten;
}

/**
 * Schema 5: rows of the large tables carry their server version facts inline (see sync-meta), so
 * their sync state rows without pending changes move onto the rows and are dropped. Sync states
 * holding a shadow stay where they are (rebase restores the row with its facts).
 */
export async function moveSyncFactsInline(tx: Transaction): Promise<void> {
  const states = tx.table<SyncStateRow, [string, string]>('syncState');
  const clean = await states.where('hasShadow').equals(0).toArray();
  for (const table of inlineMetaTables) {
    const mine = clean.filter((s) => s.table === table);
    if (mine.length === 0) continue;
    const rows = await tx.table<Record<string, unknown>, string>(table).bulkGet(mine.map((s) => s.id));
    const puts: Array<Record<string, unknown>> = [];
    mine.forEach((s, i) => {
      const row = rows[i];
      if (row && s.version > 0) puts.push(withMeta(row, s.version, s.fv));
    });
    await tx.table(table).bulkPut(puts);
    await states.bulkDelete(mine.map((s): [string, string] => [s.table, s.id]));
  }
}
