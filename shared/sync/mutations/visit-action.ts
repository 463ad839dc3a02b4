import { z } from 'zod';
import { withArrival } from '../../dispatch/create-visit';
import { visitActionSchema, type VisitAction } from '../../dispatch/visit-actions';
import { applyVisitAction, VisitActionError } from '../../dispatch/visit-workflow';
import { because, changedSince, showValue } from '../conflict';
import type { Visit } from '../../dispatch/visit-schema';
import { defineMutation, type EntityWrite, type MutationCtx, type MutationResultBody } from '../mutation-types';
import { entityKey } from '../protocol';
import { conflictEvent, conflictRecord, readTicket, refuse, ticketWrite, visitNotFound } from './helpers';
import { markReassignedFrom, readVisit, visitEvent, visitWrite, wasReassignedFrom } from './visit-helpers';

const name = 'visit.action@1';

export const visitActionArgs = z.object({ visitId: z.string().min(1), action: visitActionSchema });

/** Devices always book tentatively; only the server confirms (it alone sees every engineer's bookings). */
function asDeviceAction(action: z.infer<typeof visitActionSchema>): VisitAction {
  return action.type === 'schedule' || action.type === 'reschedule' ? { ...action, confirmed: false } : action;
}

// Steps only the engineer on site takes, and the visit fields they write.
const FIELD_ACTIONS = new Set(['en_route', 'arrive', 'add_work_note', 'depart', 'report', 'confirm', 'inspection_report', 'submit']);
const FIELD_PROGRESS = ['enRouteAt', 'arrivedAt', 'departedAt', 'workNotes', 'report', 'customerConfirmation', 'inspectionReport', 'submittedAt'];

/** A reschedule or cancellation made without seeing the engineer's progress: refused, for the dispatcher to decide again. */
function dispatchOverProgress(ctx: MutationCtx, v: Visit, mine: string): MutationResultBody {
  const ticketId = v.ticketId ?? '';
  const theirs = showValue({ engineerId: v.engineerId, status: v.status });
  const c = conflictRecord(ctx, name, ticketId, `visit:${v.id}:engineerId`, { mine, theirs },
    because('visit_progress_unseen', `visit ${v.id} already has field progress from ${v.engineerId ?? ''} (${v.status}) that you had not seen; your change was not applied: look at the visit and decide again`, { visit: v.id, engineer: v.engineerId ?? '', visitStatus: v.status }));
  return { outcome: 'conflict', writes: [], events: ticketId ? [conflictEvent(ctx, c, 1)] : [], conflicts: [c], message: c.reason };
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
    if (!cur) return refuse(ctx, name, '', visitNotFound(a.visitId));
    const v = cur.visit;
    const ticketId = v.ticketId ?? '';
    if (a.action.type === 'confirm_booking') return refuse(ctx, name, ticketId, because('server_confirms_bookings', 'only the server confirms bookings; they are confirmed when they sync'));
    const base = ctx.baseVersions[entityKey('visits', v.id)];
    if (a.action.type === 'reschedule') {
      const moved = ['window', 'engineerId'].filter((f) => changedSince(cur.fv, base, f, ctx.clientId));
      if (moved.length > 0) {
        const c = conflictRecord(ctx, name, ticketId, `visit:${v.id}:window`, { mine: showValue(a.action.window), theirs: showValue(v.window) }, because('visit_moved_meanwhile', `visit ${v.id} was moved by someone else meanwhile; their booking was kept`, { visit: v.id }));
        return { outcome: 'conflict', writes: [], events: ticketId ? [conflictEvent(ctx, c, 1)] : [], conflicts: [c], message: c.reason };
      }
    }
    if (a.action.type === 'reschedule' || a.action.type === 'cancel') {
      const progressed = FIELD_PROGRESS.filter((f) => changedSince(cur.fv, base, f, ctx.clientId));
      if (progressed.length > 0) return dispatchOverProgress(ctx, v, a.action.type === 'cancel' ? `cancel: ${a.action.reason}` : showValue({ engineerId: a.action.engineerId ?? v.engineerId, window: a.action.window }));
    }
    // The engineer worked on the visit while it was reassigned without their knowing: the work is
    // theirs, so the visit stays with them (and on their device) and the dispatcher decides again.
    const reclaimed = FIELD_ACTIONS.has(a.action.type) && v.engineerId !== ctx.userId && wasReassignedFrom(v, ctx.userId) && changedSince(cur.fv, base, 'engineerId', ctx.clientId);
    let result;
    try {
      result = applyVisitAction(reclaimed ? { ...v, engineerId: ctx.userId } : v, asDeviceAction(a.action), ctx.now, ctx.userId);
    } catch (e) {
      if (e instanceof VisitActionError) return refuse(ctx, name, ticketId, e.message);
      throw e;
    }
    const next = a.action.type === 'reschedule' && v.engineerId !== undefined && result.visit.engineerId !== v.engineerId ? markReassignedFrom(result.visit, v.engineerId) : result.visit;
    const writes: EntityWrite[] = [visitWrite(next, v)];
    if (result.ticketPatch) {
      const t = readTicket(read, result.ticketPatch.ticketId);
      if (t) {
        const sla = withArrival(t.ticket.sla, result.ticketPatch.sla.arrivedAt);
        if (sla !== t.ticket.sla) writes.push(ticketWrite({ ...t.ticket, sla, updatedAt: Math.max(t.ticket.updatedAt, ctx.now) }, ['sla', 'updatedAt']));
      }
    }
    const events = visitEvent(ctx, result.visit, result.event.change, result.event.detail);
    if (!reclaimed) return { outcome: 'applied', writes, events, conflicts: [] };
    const c = conflictRecord(ctx, name, ticketId, `visit:${v.id}:engineerId`, { mine: ctx.userId, theirs: v.engineerId ?? '' },
      because('visit_reclaimed', `visit ${v.id} was reassigned to ${v.engineerId ?? ''} while ${ctx.userId} was already working on it (${a.action.type}); it stays with ${ctx.userId} until a dispatcher reassigns it again`, { visit: v.id, engineer: v.engineerId ?? '', worker: ctx.userId }));
    return { outcome: 'applied', writes, events: ticketId ? [...events, conflictEvent(ctx, c, 1)] : events, conflicts: [c] };
  },
});
