import type { Refusal, SeverityOverride, Ticket } from '../../../../shared/ticket';
import type { Mutate } from '../../app/mutations';
import type { ServiceDeskDb } from '../../data/db';
import { deleteDraft } from '../../data';

export type CreateOnceResult = { kind: 'created' } | { kind: 'existing' } | { kind: 'refused'; message?: string; refusal?: Refusal };

/**
 * Creates the ticket a new-ticket draft describes, at most once. The draft carries the ticket id it
 * will create, so a draft saved before (e.g. the app died between the save and the screen
 * changing, or a second window still shows it) finds its ticket and opens that one instead of
 * queuing a second create. The draft is removed in the create's own transaction.
 */
export async function createTicketOnce(db: ServiceDeskDb, mutate: Mutate, ticket: Ticket, draftKey: string, severityOverride?: SeverityOverride): Promise<CreateOnceResult> {
  if (await db.tickets.get(ticket.id)) {
    await deleteDraft(db, draftKey);
    return { kind: 'existing' };
  }
  const r = await mutate('ticket.create@1', { ticket, ...(severityOverride ? { severityOverride } : {}) }, { draftKey });
  return r.outcome === 'applied' ? { kind: 'created' } : { kind: 'refused', ...(r.message ? { message: r.message } : {}), ...(r.refusal ? { refusal: r.refusal } : {}) };
}
