import { z } from 'zod';
import { withArrival } from '../../dispatch/create-visit';
import { visitActionSchema, type VisitAction } from '../../dispatch/visit-actions';
import { applyVisitAction, VisitActionError } from '../../dispatch/visit-workflow';
import { changedSince, showValue } from '../conflict';
import { defineMutation, type EntityWrite } from '../mutation-types';
import { entityKey } from '../protocol';
import { conflictEvent, conflictRecord, readTicket, refuse, ticketWrite } from './helpers';
import { readVisit, visitEvent, visitWrite } from './visit-helpers';

const name = 'visit.action@1';

export const visitActionArgs = z.object({ visitId: z.string().min(1), action: visitActionSchema });

/** Devices always book tentatively; only the server confirms (it alone sees every engineer's bookings). */
function asDeviceAction(action: z.infer<typeof visitActionSchema>): VisitAction {
  return action.type === 'schedule' || action.type === 'reschedule' ? { ...action, confirmed: false } : action;
}

/**
 * One step of the visit workflow (shared/dispatch applyVisitAction) on the server's current visit:
 * the workflow's state machine decides concurrent changes. Arrival stops the ticket's on-site
 * clock (the earliest arrival counts). Moving a visit someone else moved meanwhile is a conflict.
 */
export const visitAction = defineMutation({
  name: 'visit.action',
  version: 1,
  args: visitActionArgs,
  touches: (a) => [{ table: 'visits', id: a.visitId }],
  alsoTouches: (read, a) => {
    const ticketId = read('visits', a.visitId)?.data.ticketId;
    return typeof ticketId === 'string' ? [{ table: 'tickets', id: ticketId }] : [];
  },
  mutate: (read, a, ctx) => {
    const cur = readVisit(read, a.visitId);
    if (!cur) return refuse(ctx, name, '', `visit ${a.visitId} not found`);
    const v = cur.visit;
    const ticketId = v.ticketId ?? '';
    if (a.action.type === 'confirm_booking') return refuse(ctx, name, ticketId, 'only the server confirms bookings; they are confirmed when they sync');
    if (a.action.type === 'reschedule') {
      const base = ctx.baseVersions[entityKey('visits', v.id)];
      const moved = ['window', 'engineerId'].filter((f) => changedSince(cur.fv, base, f, ctx.clientId));
      if (moved.length > 0) {
        const c = conflictRecord(ctx, name, ticketId, `visit:${v.id}:window`, { mine: showValue(a.action.window), theirs: showValue(v.window) }, `visit ${v.id} was moved by someone else meanwhile; their booking was kept`);
        return { outcome: 'conflict', writes: [], events: ticketId ? [conflictEvent(ctx, c, 1)] : [], conflicts: [c], message: c.reason };
      }
    }
    let result;
    try {
      result = applyVisitAction(v, asDeviceAction(a.action), ctx.now, ctx.userId);
    } catch (e) {
      if (e instanceof VisitActionError) return refuse(ctx, name, ticketId, e.message);
      throw e;
    }
    const writes: EntityWrite[] = [visitWrite(result.visit, v)];
    if (result.ticketPatch) {
      const t = readTicket(read, result.ticketPatch.ticketId);
      if (t) {
        const sla = withArrival(t.ticket.sla, result.ticketPatch.sla.arrivedAt);
        if (sla !== t.ticket.sla) writes.push(ticketWrite({ ...t.ticket, sla, updatedAt: Math.max(t.ticket.updatedAt, ctx.now) }, ['sla', 'updatedAt']));
      }
    }
    return { outcome: 'applied', writes, events: visitEvent(ctx, result.visit, result.event.change, result.event.detail), conflicts: [] };
  },
});
