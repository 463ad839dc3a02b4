import type { ServiceDeskDb } from '../../data/db';
import { getClientId } from '../../data';
import { clientShortId, formatTicketId } from '../../../../shared/ticket';

/** Mints the next ticket id on this device (no server needed; unique across devices). */
export async function mintTicketId(db: ServiceDeskDb): Promise<string> {
  const clientId = await getClientId(db);
  const seq = await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('ticketSequence');
    const next = (typeof row?.value === 'number' ? row.value : 0) + 1;
    await db.meta.put({ key: 'ticketSequence', value: next });
    return next;
  });
  return formatTicketId(clientShortId(clientId), seq);
}
