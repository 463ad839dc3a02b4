// The server's say on offline bookings: a tentative visit is confirmed when no confirmed visit of
// the same engineer overlaps it (travel buffer included); otherwise it stays tentative and both
// dispatchers see a conflict. Pure, so it is tested without a database.
import { checkBooking, isBookingBlocked, type BookingFinding, type DispatchPolicy } from '../dispatch/booking-checks';
import { applyVisitAction } from '../dispatch/visit-workflow';
import type { Visit } from '../dispatch/visit-schema';
import type { Engineer } from '../directory/schema';
import type { BusinessCalendar } from '../sla/calendar-types';
import type { TimelineEvent } from '../ticket/timeline';
import { conflictId, type ConflictRecord } from './conflict';
import type { EntityWrite, MutationCtx } from './mutation-types';

// Hours, skills, region and deadline were explained to the dispatcher when booking; the server
// only decides what a device cannot know: whether someone else confirmed that time first.
const serverPolicy: DispatchPolicy = { overlap: 'block', outsideHours: 'off', afterDeadline: 'off', skill: 'off', region: 'off', past: 'off' };
const utcAllDay: BusinessCalendar = { timeZone: 'UTC', week: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } };

/** True for a visit the server should try to confirm. */
export function awaitsConfirmation(v: Visit): boolean {
  return v.status === 'tentative' && v.engineerId !== undefined && v.window !== undefined;
}

/** Findings that keep a tentative visit from being confirmed (empty = confirm it). */
export function bookingBlockers(visit: Visit, confirmed: readonly Visit[], engineer?: Pick<Engineer, 'id' | 'name' | 'region' | 'skills'>, calendar?: BusinessCalendar): BookingFinding[] {
  if (!visit.engineerId || !visit.window) return [];
  const others = confirmed.filter((v) => v.id !== visit.id && v.status === 'confirmed');
  const who = engineer ?? { id: visit.engineerId, name: visit.engineerId, region: '', skills: [] };
  const findings = checkBooking(
    { visitId: visit.id, engineerId: visit.engineerId, window: visit.window, travelBufferMinutes: visit.travelBufferMinutes },
    { engineer: who, engineerCalendar: calendar ?? utcAllDay, visits: others, now: 0, policy: serverPolicy },
  );
  return isBookingBlocked(findings) ? findings.filter((f) => f.severity === 'block') : [];
}

const bookingEventId = (ctx: Pick<MutationCtx, 'clientId' | 'mutationId'>, visitId: string, what: string) => `ev:${ctx.clientId}:${ctx.mutationId}:${what}:${visitId}`;

/** The server's confirmation of a tentative visit: the confirmed visit and its timeline entry. */
export function confirmBooking(visit: Visit, ctx: Pick<MutationCtx, 'clientId' | 'mutationId' | 'now'>): { write: EntityWrite; events: TimelineEvent[] } {
  const r = applyVisitAction(visit, { type: 'confirm_booking' }, ctx.now, 'system');
  const events: TimelineEvent[] = visit.ticketId
    ? [{ id: bookingEventId(ctx, visit.id, 'confirm'), ticketId: visit.ticketId, at: ctx.now, by: 'system', kind: 'visit', visitId: visit.id, change: 'confirm_booking', detail: r.event.detail }]
    : [];
  return { write: { table: 'visits', id: visit.id, data: r.visit, fields: ['status', 'sequence', 'history', 'updatedAt', 'updatedBy'] }, events };
}

/**
 * A booking the server could not confirm: an open conflict naming the clash, and a conflict entry
 * on the timeline of the booked ticket and of every ticket whose confirmed visit it collides with,
 * so both dispatchers see it.
 */
export function bookingClash(visit: Visit, reason: string, clashing: readonly Visit[], ctx: Pick<MutationCtx, 'clientId' | 'mutationId' | 'now' | 'userId'>): { conflicts: ConflictRecord[]; events: TimelineEvent[] } {
  const field = `booking:${visit.id}`;
  const theirs = clashing.map((v) => `${v.id} ${v.window ? `${new Date(v.window.start).toISOString()}–${new Date(v.window.end).toISOString()}` : ''}`).join('; ');
  const mine = visit.window ? `${visit.engineerId ?? ''} ${new Date(visit.window.start).toISOString()}–${new Date(visit.window.end).toISOString()}` : '';
  const c: ConflictRecord = {
    id: conflictId(ctx, field), ticketId: visit.ticketId ?? '', mutation: 'booking', field, base: '', mine, theirs,
    userId: ctx.userId, clientId: ctx.clientId, mutationId: ctx.mutationId, reason: `visit ${visit.id} stays tentative: ${reason}`, status: 'open', createdAt: ctx.now,
    // The server's detail stays as it wrote it; the sentence around it is in the reader's language.
    refusal: { code: 'booking_tentative', message: `visit ${visit.id} stays tentative: ${reason}`, params: { visit: visit.id, detail: reason } },
  };
  const tickets = [...new Set([visit.ticketId, ...clashing.map((v) => v.ticketId)].filter((t): t is string => t !== undefined))];
  const events: TimelineEvent[] = tickets.map((ticketId) => ({ id: `${bookingEventId(ctx, visit.id, 'clash')}:${ticketId}`, ticketId, at: ctx.now, by: 'system', kind: 'conflict', field, mine, theirs, resolved: false }));
  return { conflicts: [c], events };
}
