import { syncTables } from '../../../shared/sync';
import { syncScope, type ServiceDeskDb } from './db';

export type ForgetResult = { removedRows: number; keptUnsent: number; discardedUnsent: number };

/**
 * Removes what the organisation's server sent to this device (tickets, timeline, visits, the
 * directory, configuration) after signing out, so the next person at this computer sees none of
 * it. Changes not sent yet stay queued unless `discardUnsent` says the user chose to drop them:
 * nothing typed is lost without being asked.
 */
export async function forgetOrganisationData(db: ServiceDeskDb, opts: { discardUnsent: boolean }): Promise<ForgetResult> {
  return db.transaction('rw', [...syncScope(db), db.attachmentBytes], async () => {
    let removedRows = 0;
    for (const t of syncTables) {
      const table = db.synced(t);
      removedRows += await table.count();
      await table.clear();
    }
    const unsent = await db.outbox.count();
    if (opts.discardUnsent) await db.outbox.clear();
    // Downloaded files go with the rest; files added here and not uploaded yet go only with the changes that reference them.
    if (opts.discardUnsent) await db.attachmentBytes.clear();
    else await db.attachmentBytes.where('pending').equals(0).delete();
    await db.syncState.clear();
    await db.meta.put({ key: 'cursor', value: 0 });
    // The identity stays: it is what lets the same user's next sign-in continue this device's
    // queue numbering instead of restarting it (the server would skip renumbered changes).
    await db.meta.delete('syncHistory');
    return { removedRows, keptUnsent: opts.discardUnsent ? 0 : unsent, discardedUnsent: opts.discardUnsent ? unsent : 0 };
  });
}
