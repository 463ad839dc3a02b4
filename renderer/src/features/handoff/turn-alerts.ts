import { internalContext, internalStatus, noProgressDue, type InternalStatus } from '../../../../shared/internal-clocks';
import type { ContractConfig } from '../../../../shared/contract';
import type { Ticket } from '../../../../shared/ticket';

/** Share of a step's minutes after which the person whose turn it is gets the "due soon" notice. */
export const WARN_SHARE = 0.8;

/** A notice for the person whose turn it is: a step due soon or breached, or the interim report due. */
export type TurnAlert = { key: string; ticketId: string; title: string; kind: 'due_soon' | 'breached' | 'interim_due'; step: string; at: number };

/**
 * The alerts for `me` on one ticket at `now`: the current step's warning (before the breach) and
 * its breach when it is my turn (the person the last hand-off named, else the ticket's owner),
 * and the interim report once the working day it was scheduled for is over.
 */
export function turnAlerts(ticket: Ticket, status: InternalStatus, me: string, now: number): TurnAlert[] {
  const out: TurnAlert[] = [];
  const c = status.current;
  const mine = c && (c.person ?? ticket.ownerId) === me;
  if (c && mine && c.startedAt !== undefined && c.target !== undefined) {
    if (c.state === 'breached') out.push({ key: `${ticket.id}|${c.step}|breached`, ticketId: ticket.id, title: ticket.title, kind: 'breached', step: c.step, at: c.target });
    else if (c.remainingMinutes <= c.minutes * (1 - WARN_SHARE) + 1e-6) out.push({ key: `${ticket.id}|${c.step}|due_soon`, ticketId: ticket.id, title: ticket.title, kind: 'due_soon', step: c.step, at: c.target });
  }
  const interim = status.interim;
  if (interim && interim.sentAt === undefined && now >= interim.scheduledAt) {
    const by = ticket.internalFacts?.find((f) => f.mark === 'interim_scheduled');
    if (by?.by === me || ticket.ownerId === me) out.push({ key: `${ticket.id}|interim`, ticketId: ticket.id, title: ticket.title, kind: 'interim_due', step: 'interim_report', at: interim.scheduledAt });
  }
  return out;
}

/** What one run finds for a ticket: its status, the alerts for me, and whether the no-progress escalation may be due. */
export function checkTicket(ticket: Ticket, config: ContractConfig, me: string, now: number): { status: InternalStatus; alerts: TurnAlert[]; escalationMaybeDue: boolean } | undefined {
  const ctx = internalContext(ticket, config);
  if (!ctx) return undefined;
  const status = internalStatus(ticket, ctx.process, ctx.meter, now);
  // Without the timeline's notes the due time is the earliest it can be: only then is the timeline read.
  return { status, alerts: turnAlerts(ticket, status, me, now), escalationMaybeDue: noProgressDue(status, now) !== undefined };
}
