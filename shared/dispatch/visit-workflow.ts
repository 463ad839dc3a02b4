// Visit workflow: unscheduled -> tentative/confirmed -> en_route -> arrived -> departed
// -> completed (submitted), or cancelled. Pure: returns the new visit, the ticket patch and the
// timeline entry; the caller persists them as one synced mutation.
import type { Instant } from '../ticket/schema';
import { visitActionSchema } from './visit-actions';
import type { ParsedVisitAction, VisitAction, VisitActionType } from './visit-actions';
import type { PartLine, Visit, VisitStatus } from './visit-schema';

export type VisitActionErrorCode = 'invalid_input' | 'illegal_transition' | 'locked' | 'incomplete';

/** Refused action; the visit is unchanged. */
export class VisitActionError extends Error {
  constructor(readonly code: VisitActionErrorCode, message: string) {
    super(message);
    this.name = 'VisitActionError';
  }
}

/** Statuses each action may start from. */
export const visitActionFrom: Record<VisitActionType, readonly VisitStatus[]> = {
  schedule: ['unscheduled'],
  confirm_booking: ['tentative'],
  reschedule: ['tentative', 'confirmed'],
  cancel: ['unscheduled', 'tentative', 'confirmed', 'en_route'],
  en_route: ['tentative', 'confirmed'],
  arrive: ['tentative', 'confirmed', 'en_route'],
  add_work_note: ['en_route', 'arrived', 'departed'],
  depart: ['arrived'],
  report: ['arrived', 'departed'],
  confirm: ['arrived', 'departed'],
  inspection_report: ['arrived', 'departed'],
  submit: ['departed'],
};

/** Status changes the workflow allows (edits that keep the status are not listed). */
export const allowedVisitTransitions: Record<VisitStatus, readonly VisitStatus[]> = {
  unscheduled: ['tentative', 'confirmed', 'cancelled'],
  tentative: ['confirmed', 'en_route', 'arrived', 'cancelled'],
  confirmed: ['tentative', 'en_route', 'arrived', 'cancelled'],
  en_route: ['arrived', 'cancelled'],
  arrived: ['departed'],
  departed: ['completed'],
  completed: [],
  cancelled: [],
};

/** The ticket change an action implies: arrival stops the ticket's on-site arrival clock. */
export type VisitTicketPatch = { ticketId: string; sla: { arrivedAt: Instant } };

/** What the caller writes to the ticket's timeline as a `visit` event (it mints id/at/by). */
export type VisitEventDraft = { visitId: string; ticketId?: string; change: VisitActionType; detail: string };

export type VisitActionResult = { visit: Visit; ticketPatch?: VisitTicketPatch; event: VisitEventDraft };

/** True once submitted: nothing on the visit may change any more. */
export function isVisitLocked(visit: Visit): boolean {
  return visit.submittedAt !== undefined;
}

/** The actions a user may take on this visit now (for buttons and keyboard shortcuts). */
export function allowedVisitActions(visit: Visit): VisitActionType[] {
  if (isVisitLocked(visit)) return [];
  return (Object.keys(visitActionFrom) as VisitActionType[]).filter(
    (a) => visitActionFrom[a].includes(visit.status) && (a !== 'inspection_report' || visit.kind === 'inspection'),
  );
}

function parseAction(action: VisitAction): ParsedVisitAction {
  const parsed = visitActionSchema.safeParse(action);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  throw new VisitActionError('invalid_input', `Invalid visit action${where}: ${first?.message ?? 'unknown problem'}`);
}

function guard(visit: Visit, a: ParsedVisitAction): void {
  if (isVisitLocked(visit)) {
    throw new VisitActionError('locked', `Visit ${visit.id} was submitted and can no longer be changed.`);
  }
  if (!visitActionFrom[a.type].includes(visit.status)) {
    const allowed = allowedVisitActions(visit);
    throw new VisitActionError(
      'illegal_transition',
      `Cannot ${a.type.replace(/_/g, ' ')} visit ${visit.id}: it is ${visit.status.replace(/_/g, ' ')}` +
        (allowed.length > 0 ? ` (allowed now: ${allowed.join(', ')}).` : ' and allows no further action.'),
    );
  }
  if (a.type === 'inspection_report' && visit.kind !== 'inspection') {
    throw new VisitActionError('illegal_transition', `Visit ${visit.id} is a ${visit.kind} visit; only inspections have an inspection report.`);
  }
}

/** How far a device's clock may run ahead of the server's before its stamped times are refused. */
export const DEVICE_CLOCK_TOLERANCE_MS = 10 * 60_000;

/**
 * The time an event happened: `at` from the device, else `now`. A time slightly ahead of `now` is
 * a device clock running fast (the server replays the device's action later): it counts as `now`.
 */
function eventTime(at: Instant | undefined, now: Instant, what: string): Instant {
  if (at === undefined) return now;
  if (at > now + DEVICE_CLOCK_TOLERANCE_MS) throw new VisitActionError('invalid_input', `The ${what} time cannot be in the future.`);
  return Math.min(at, now);
}

function unresolvedParts(parts: readonly PartLine[]): PartLine[] {
  return parts.filter((p) => p.state === 'checked_out');
}

function iso(instant: Instant): string {
  return new Date(instant).toISOString();
}

type Step = { patch: Partial<Visit>; detail: string; ticketPatch?: VisitTicketPatch };

function step(visit: Visit, a: ParsedVisitAction, now: Instant, by: string): Step {
  switch (a.type) {
    case 'schedule':
      return {
        patch: {
          engineerId: a.engineerId, window: a.window, status: a.confirmed ? 'confirmed' : 'tentative',
          ...(a.travelBufferMinutes !== undefined ? { travelBufferMinutes: a.travelBufferMinutes } : {}),
        },
        detail: `${a.engineerId} ${iso(a.window.start)}–${iso(a.window.end)}`,
      };
    case 'confirm_booking':
      return { patch: { status: 'confirmed', sequence: visit.sequence + 1 }, detail: 'booking confirmed' };
    case 'reschedule': {
      const engineerId = a.engineerId ?? visit.engineerId;
      const sameTime = visit.window?.start === a.window.start && visit.window.end === a.window.end;
      if (sameTime && engineerId === visit.engineerId) {
        throw new VisitActionError('invalid_input', `Visit ${visit.id} is already booked for that engineer and window.`);
      }
      return {
        patch: {
          ...(engineerId !== undefined ? { engineerId } : {}), window: a.window, status: a.confirmed ? 'confirmed' : 'tentative',
          sequence: visit.sequence + 1,
          ...(a.travelBufferMinutes !== undefined ? { travelBufferMinutes: a.travelBufferMinutes } : {}),
        },
        detail: `${engineerId ?? ''} ${iso(a.window.start)}–${iso(a.window.end)}: ${a.reason}`,
      };
    }
    case 'cancel':
      return {
        // A visit that was never on a calendar has no published SEQUENCE to supersede.
        patch: { status: 'cancelled', cancelReason: a.reason, sequence: visit.window ? visit.sequence + 1 : visit.sequence },
        detail: a.reason,
      };
    case 'en_route':
      return { patch: { status: 'en_route', enRouteAt: eventTime(a.at, now, 'departure for the site') }, detail: '' };
    case 'arrive': {
      const at = eventTime(a.at, now, 'arrival');
      if (visit.enRouteAt !== undefined && at < visit.enRouteAt) {
        throw new VisitActionError('invalid_input', 'The arrival time cannot be before the engineer set off.');
      }
      return {
        patch: { status: 'arrived', arrivedAt: at },
        detail: iso(at),
        ...(visit.ticketId !== undefined ? { ticketPatch: { ticketId: visit.ticketId, sla: { arrivedAt: at } } } : {}),
      };
    }
    case 'add_work_note':
      return { patch: { workNotes: [...visit.workNotes, { at: now, by, text: a.text }] }, detail: a.text };
    case 'depart': {
      const at = eventTime(a.at, now, 'departure');
      if (visit.arrivedAt !== undefined && at < visit.arrivedAt) {
        throw new VisitActionError('invalid_input', 'The departure time cannot be before the arrival.');
      }
      return { patch: { status: 'departed', departedAt: at }, detail: iso(at) };
    }
    case 'report':
      return {
        patch: { report: { found: a.found, done: a.done, followUp: a.followUp, partsUsed: visit.report?.partsUsed ?? [] } },
        detail: a.done,
      };
    case 'confirm':
      return { patch: { customerConfirmation: { name: a.name, text: a.text, confirmed: a.confirmed, at: now } }, detail: a.name };
    case 'inspection_report':
      return { patch: { inspectionReport: a.report }, detail: a.report.summary };
    case 'submit':
      return submitStep(visit, now);
  }
}

function submitStep(visit: Visit, now: Instant): Step {
  if (!visit.report) throw new VisitActionError('incomplete', `Visit ${visit.id} needs a visit report (what was found and done) before it is submitted.`);
  if (visit.kind === 'inspection' && !visit.inspectionReport) {
    throw new VisitActionError('incomplete', `Inspection visit ${visit.id} needs an inspection report before it is submitted.`);
  }
  const open = unresolvedParts(visit.parts);
  if (open.length > 0) {
    const names = open.map((p) => `${p.quantity} x ${p.name}`).join(', ');
    throw new VisitActionError('incomplete', `Mark the checked-out parts as used or returned before submitting: ${names}.`);
  }
  const partsUsed = visit.parts.filter((p) => p.state === 'used').map((p) => ({ partId: p.partId, name: p.name, quantity: p.quantity }));
  return { patch: { status: 'completed', submittedAt: now, report: { ...visit.report, partsUsed } }, detail: '' };
}

/**
 * Applies one workflow action by user `by` at `now`. Throws VisitActionError (the visit unchanged)
 * for bad input, an action the current status does not allow, or any change after submission.
 */
export function applyVisitAction(visit: Visit, action: VisitAction, now: Instant, by: string): VisitActionResult {
  if (by.trim() === '') throw new VisitActionError('invalid_input', 'Who did it is required (a user id).');
  const a = parseAction(action);
  guard(visit, a);
  const s = step(visit, a, now, by);
  const next: Visit = {
    ...visit,
    ...s.patch,
    history: [...visit.history, { at: now, by, action: a.type, detail: s.detail }],
    updatedAt: now,
    updatedBy: by,
  };
  const event: VisitEventDraft = { visitId: visit.id, change: a.type, detail: s.detail, ...(visit.ticketId !== undefined ? { ticketId: visit.ticketId } : {}) };
  return { visit: next, event, ...(s.ticketPatch ? { ticketPatch: s.ticketPatch } : {}) };
}
