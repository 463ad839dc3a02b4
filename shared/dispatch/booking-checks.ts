// Checks run when a dispatcher books or moves a visit. They explain, they do not
// decide: the policy says which findings block the booking and which only warn.
import { businessMinutesBetween } from '../sla';
import type { BusinessCalendar } from '../sla';
import type { Engineer } from '../directory/schema';
import type { Instant } from '../ticket/schema';
import { formatInstant, formatRange } from './format-time';
import type { Visit, VisitWindow } from './visit-schema';

export type FindingCode = 'overlap' | 'outside_working_hours' | 'after_deadline' | 'missing_skill' | 'wrong_region' | 'in_the_past';
export type FindingSeverity = 'block' | 'warn';
/** `off` skips the check entirely. */
export type PolicySeverity = FindingSeverity | 'off';

export type DispatchPolicy = {
  overlap: PolicySeverity;
  outsideHours: PolicySeverity;
  afterDeadline: PolicySeverity;
  skill: PolicySeverity;
  region: PolicySeverity;
  past: PolicySeverity;
};

export const defaultDispatchPolicy: DispatchPolicy = {
  overlap: 'block',
  outsideHours: 'warn',
  afterDeadline: 'warn',
  skill: 'warn',
  region: 'warn',
  past: 'block',
};

export type BookingFinding = {
  code: FindingCode;
  severity: FindingSeverity;
  /** A full English sentence naming the other visit or the times involved. */
  message: string;
  details: Record<string, string | number>;
};

/** The booking being considered: a new visit or a move of an existing one (`visitId`). */
export type BookingCandidate = {
  visitId?: string;
  engineerId: string;
  window: VisitWindow;
  travelBufferMinutes?: number;
  productLine?: string;
  region?: string;
  arrivalDeadline?: Instant;
};

export type BookingContext = {
  engineer: Pick<Engineer, 'id' | 'name' | 'region' | 'skills'>;
  engineerCalendar: BusinessCalendar;
  /** Visits already on the board (any engineer; others are ignored). */
  visits: readonly Visit[];
  /** When the booking is made (on the server: the time the offline booking was made). */
  now: Instant;
  policy?: Partial<DispatchPolicy>;
};

const MINUTE = 60_000;

function occupied(window: VisitWindow, bufferMinutes: number): { from: number; to: number } {
  return { from: window.start - bufferMinutes * MINUTE, to: window.end };
}

function describeVisit(v: Visit): string {
  return v.ticketId ? `visit ${v.id} (ticket ${v.ticketId})` : `visit ${v.id} (${v.kind})`;
}

function overlapFindings(c: BookingCandidate, ctx: BookingContext, severity: FindingSeverity): BookingFinding[] {
  const zone = ctx.engineerCalendar.timeZone;
  const mine = occupied(c.window, c.travelBufferMinutes ?? 0);
  const out: BookingFinding[] = [];
  for (const v of ctx.visits) {
    if (v.id === c.visitId || v.engineerId !== c.engineerId || !v.window || v.status === 'cancelled' || v.status === 'unscheduled') continue;
    const theirs = occupied(v.window, v.travelBufferMinutes);
    if (mine.from >= theirs.to || theirs.from >= mine.to) continue;
    const windowsTouch = c.window.start < v.window.end && v.window.start < c.window.end;
    const because = windowsTouch ? '' : ' once travel time is included';
    out.push({
      code: 'overlap',
      severity,
      message: `${ctx.engineer.name} already has ${describeVisit(v)} at ${formatRange(v.window.start, v.window.end, zone)}, which overlaps this booking${because}.`,
      details: { otherVisitId: v.id, otherStart: v.window.start, otherEnd: v.window.end, travelBufferMinutes: c.travelBufferMinutes ?? 0, otherTravelBufferMinutes: v.travelBufferMinutes },
    });
  }
  return out;
}

function hoursFinding(c: BookingCandidate, ctx: BookingContext, severity: FindingSeverity): BookingFinding[] {
  const zone = ctx.engineerCalendar.timeZone;
  const wanted = (c.window.end - c.window.start) / MINUTE;
  let open = 0;
  try {
    open = businessMinutesBetween(new Date(c.window.start), new Date(c.window.end), ctx.engineerCalendar);
  } catch {
    // A calendar with no open time at all: every minute of the window is outside working hours.
    open = 0;
  }
  if (Math.abs(open - wanted) < 1e-9) return [];
  return [{
    code: 'outside_working_hours',
    severity,
    message: `The window ${formatRange(c.window.start, c.window.end, zone)} is outside ${ctx.engineer.name}'s working hours: only ${Math.round(open)} of its ${Math.round(wanted)} minutes are working time.`,
    details: { openMinutes: open, windowMinutes: wanted, timeZone: zone },
  }];
}

/** Every finding for a booking, blocking ones first. Throws on a malformed candidate. */
export function checkBooking(candidate: BookingCandidate, context: BookingContext): BookingFinding[] {
  if (!(candidate.window.end > candidate.window.start)) throw new RangeError('the visit window must end after it starts');
  if (candidate.engineerId !== context.engineer.id) {
    throw new RangeError(`the booking is for engineer ${candidate.engineerId} but the context describes ${context.engineer.id}`);
  }
  const policy = { ...defaultDispatchPolicy, ...context.policy };
  const zone = context.engineerCalendar.timeZone;
  const findings: BookingFinding[] = [];
  if (policy.past !== 'off' && candidate.window.start < context.now) {
    findings.push({
      code: 'in_the_past',
      severity: policy.past,
      message: `The window starts at ${formatInstant(candidate.window.start, zone)} (${zone}), which is already in the past.`,
      details: { start: candidate.window.start, now: context.now },
    });
  }
  if (policy.overlap !== 'off') findings.push(...overlapFindings(candidate, context, policy.overlap));
  if (policy.outsideHours !== 'off') findings.push(...hoursFinding(candidate, context, policy.outsideHours));
  const deadline = candidate.arrivalDeadline;
  if (policy.afterDeadline !== 'off' && deadline !== undefined && candidate.window.start > deadline) {
    findings.push({
      code: 'after_deadline',
      severity: policy.afterDeadline,
      message: `The window starts at ${formatInstant(candidate.window.start, zone)}, after the arrival deadline of ${formatInstant(deadline, zone)} (${zone}).`,
      details: { start: candidate.window.start, deadline },
    });
  }
  const line = candidate.productLine;
  if (policy.skill !== 'off' && line && !context.engineer.skills.includes(line)) {
    findings.push({
      code: 'missing_skill',
      severity: policy.skill,
      message: `${context.engineer.name} is not trained on the product line "${line}".`,
      details: { productLine: line },
    });
  }
  const region = candidate.region;
  if (policy.region !== 'off' && region && region !== context.engineer.region) {
    findings.push({
      code: 'wrong_region',
      severity: policy.region,
      message: `${context.engineer.name} works in region "${context.engineer.region}", not in the customer's region "${region}".`,
      details: { engineerRegion: context.engineer.region, customerRegion: region },
    });
  }
  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}

/** True when any finding blocks the booking. */
export function isBookingBlocked(findings: readonly BookingFinding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}

/** The candidate for moving or booking an existing visit into a window with an engineer. */
export function bookingCandidateFor(visit: Visit, engineerId: string, window: VisitWindow, travelBufferMinutes?: number): BookingCandidate {
  return {
    visitId: visit.id,
    engineerId,
    window,
    travelBufferMinutes: travelBufferMinutes ?? visit.travelBufferMinutes,
    ...(visit.productLine !== undefined ? { productLine: visit.productLine } : {}),
    ...(visit.region !== undefined ? { region: visit.region } : {}),
    ...(visit.arrivalDeadline !== undefined ? { arrivalDeadline: visit.arrivalDeadline } : {}),
  };
}
