import { because } from '../conflict';
import { z } from 'zod';
import { visitSchema } from '../../dispatch/visit-schema';
import type { Ticket } from '../../ticket/schema';
import { defineMutation, type EntityWrite } from '../mutation-types';
import { readTicket, refuse, ticketWrite, ticketNotFound } from './helpers';
import { visitEvent, visitWrite } from './visit-helpers';

const name = 'visit.create@1';
const creatable = new Set(['unscheduled', 'tentative', 'confirmed']);

export const visitCreateArgs = z.object({ visit: visitSchema }).superRefine((a, ctx) => {
  const v = a.visit;
  if (!creatable.has(v.status)) ctx.addIssue({ code: 'custom', path: ['visit', 'status'], message: `a new visit is unscheduled or booked, not ${v.status}` });
  const booked = v.window !== undefined && v.engineerId !== undefined;
  if (v.status !== 'unscheduled' && !booked) ctx.addIssue({ code: 'custom', path: ['visit', 'window'], message: 'a booked visit needs an engineer and a window' });
});

function isSameAutoFaultVisit(stored: Record<string, unknown>, incoming: { ticketId?: string | undefined; status: string; reason: string }): boolean {
  return incoming.status === 'unscheduled' && incoming.reason === 'online_window_expired' && incoming.ticketId !== undefined && stored.ticketId === incoming.ticketId && stored.reason === 'online_window_expired';
}

/**
 * Creates a visit made on a device. One with an engineer and a window is a booking made offline:
 * it is stored tentative until the server confirms it (server/bookings). A fault visit marks its
 * ticket as on-site.
 */
export const visitCreate = defineMutation({
  name: 'visit.create',
  version: 1,
  args: visitCreateArgs,
  touches: (a) => [{ table: 'visits', id: a.visit.id }, ...(a.visit.ticketId ? [{ table: 'tickets' as const, id: a.visit.ticketId }] : [])],
  mutate: (read, a, ctx) => {
    const ticketId = a.visit.ticketId ?? '';
    const existing = read('visits', a.visit.id);
    // Every device queues the same automatic fault visit (its id comes from the ticket) when the
    // online window expires: the second one is the same fact arriving twice, not a clash.
    if (existing && isSameAutoFaultVisit(existing.data, a.visit)) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    if (existing) return refuse(ctx, name, ticketId, because('already_exists', `visit ${a.visit.id} already exists`, { id: a.visit.id }));
    const booked = a.visit.window !== undefined && a.visit.engineerId !== undefined;
    // Every authorship field is the signed-in user's (on the server: the token's), never the device's claim.
    const mine = <E extends { by: string }>(entries: E[]) => entries.map((e) => ({ ...e, by: ctx.userId }));
    const visit = { ...a.visit, status: booked ? ('tentative' as const) : ('unscheduled' as const), createdBy: ctx.userId, updatedBy: ctx.userId, history: mine(a.visit.history), workNotes: mine(a.visit.workNotes) };
    const writes: EntityWrite[] = [visitWrite(visit)];
    const detail = booked ? `${visit.engineerId ?? ''} ${new Date(visit.window?.start ?? 0).toISOString()} (tentative)` : visit.reason;
    if (a.visit.ticketId) {
      const cur = readTicket(read, a.visit.ticketId);
      if (!cur) return refuse(ctx, name, ticketId, ticketNotFound(a.visit.ticketId));
      const t = cur.ticket;
      // Only a fault visit puts the ticket on site (and may start its arrival clock); an
      // installation or training requested from a ticket is linked to it for its history only.
      if (a.visit.kind !== 'fault') return { outcome: 'applied', writes, events: visitEvent(ctx, visit, 'created', detail), conflicts: [] };
      const byHand = visit.reason === 'requested_by_hand' && t.sla.onSiteRequestedAt === undefined;
      if (!t.onSite || byHand) {
        const next: Ticket = { ...t, onSite: true, sla: byHand ? { ...t.sla, onSiteRequestedAt: visit.createdAt } : t.sla, updatedAt: Math.max(t.updatedAt, ctx.now) };
        writes.push(ticketWrite(next, ['onSite', ...(byHand ? ['sla'] : []), 'updatedAt']));
      }
    }
    return { outcome: 'applied', writes, events: visitEvent(ctx, visit, 'created', detail), conflicts: [] };
  },
});
