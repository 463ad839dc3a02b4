import { demoEngineers, demoWarehouseParts, isDemoTicketId } from '../../../shared/demo';
import { entityKey, prepareMutation, type SyncTable } from '../../../shared/sync';
import { syncScope, type ServiceDeskDb } from './db';

/** What signing in removed: the demo set only lives on this device and no server knows it. */
export type RetiredDemo = { tickets: number; pendingChanges: number };

/**
 * Removes the first-run demo data before the device first syncs with a server: its tickets, their
 * timeline, visits and conflicts, the demo engineers and warehouse rows, and the pending changes
 * made to them (the server has no such tickets and would refuse every one as a conflict). The
 * user's own tickets, notes, saved views and their pending changes are kept; so are the customer
 * list and demo engineers one of the user's own tickets refers to.
 */
export async function retireDemoData(db: ServiceDeskDb): Promise<RetiredDemo> {
  return db.transaction('rw', syncScope(db), async () => {
    const ticketIds = (await db.tickets.toCollection().primaryKeys()).filter(isDemoTicketId);
    if (ticketIds.length === 0) return { tickets: 0, pendingChanges: 0 };
    const gone = new Set<string>(ticketIds.map((id) => entityKey('tickets', id)));
    const rowsOf = async (table: 'timeline' | 'visits' | 'conflicts') => (await db.synced(table).where('ticketId').anyOf(ticketIds).primaryKeys()).map(String);
    const doomed: Array<[SyncTable, string[]]> = [['tickets', ticketIds], ['timeline', await rowsOf('timeline')], ['visits', await rowsOf('visits')], ['conflicts', await rowsOf('conflicts')]];
    for (const [table, ids] of doomed) for (const id of ids) gone.add(entityKey(table, id));

    const drop = (await db.outbox.toArray()).filter((e) => {
      const p = prepareMutation(e.name, e.args);
      return p.ok && p.mutation.touches.some((t) => gone.has(entityKey(t.table, t.id)));
    });
    await db.outbox.bulkDelete(drop.map((e) => e.id));

    const remove = async (table: SyncTable, ids: string[]) => {
      await db.synced(table).bulkDelete(ids);
      await db.syncState.bulkDelete(ids.map((id): [SyncTable, string] => [table, id]));
    };
    for (const [table, ids] of doomed) await remove(table, ids);

    // The server publishes the real engineers; demo ones the user's own tickets point at stay so
    // those tickets keep their names (read from the owner index, not the tickets). Customers stay:
    // the device's customer list is the only one the intake form has until the organisation publishes its own.
    const usedEngineers = new Set((await db.tickets.orderBy('ownerId').uniqueKeys()).map(String));
    await remove('engineers', demoEngineers.map((e) => e.id).filter((id) => !usedEngineers.has(id)));
    await remove('warehouse', demoWarehouseParts.map((p) => p.id));
    return { tickets: ticketIds.length, pendingChanges: drop.length };
  });
}
