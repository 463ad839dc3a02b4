import type { EscalationDraftContext } from '../../../../shared/escalation';
import type { Customer, Engineer } from '../../../../shared/directory';
import type { Policy } from '../../../../shared/policy';
import { ticketClocks, type Clock } from '../../../../shared/sla';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import type { Config } from '../../config/config-store';
import type { ServiceDeskDb } from '../../data/db';

/** What a draft is made of, all from the local store. */
export type DraftSources = { ticket: Ticket; timeline: readonly TimelineEvent[]; customer?: Customer | undefined; engineers: readonly Engineer[]; clocks: readonly Clock[] };

/** The reader's own zone: the engineer sends the draft, so instants read in their time. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The draft context for these sources; `policy` gives the severity its label. */
export function draftContext(src: DraftSources, policy: Policy | undefined, extra: { tried?: string; ask?: string; now: number }): EscalationDraftContext {
  const severityLabel = policy?.severityLevels.find((l) => l.id === src.ticket.severity)?.label;
  return {
    customerName: src.customer?.name ?? src.ticket.customerId,
    timeline: src.timeline,
    clocks: src.clocks,
    timeZone: localTimeZone(),
    engineers: src.engineers,
    now: extra.now,
    ...(extra.tried !== undefined ? { tried: extra.tried } : {}),
    ...(extra.ask !== undefined ? { ask: extra.ask } : {}),
    ...(severityLabel ? { severityLabel } : {}),
  };
}

/** Loads a ticket's draft sources outside React (bulk escalation, notices); undefined when the ticket is gone. */
export async function loadDraftSources(db: ServiceDeskDb, config: Config, ticketId: string, now: number): Promise<DraftSources | undefined> {
  const ticket = await db.tickets.get(ticketId);
  if (!ticket) return undefined;
  const [timeline, customer, engineers] = await Promise.all([
    db.timeline.where('[ticketId+at]').between([ticketId, -Infinity], [ticketId, Infinity]).toArray(),
    db.customers.get(ticket.customerId),
    db.engineers.toArray(),
  ]);
  return { ticket, timeline, customer, engineers, clocks: ticketClocks(ticket, config, now).clocks };
}
