import { z } from 'zod';
import { bookingCandidateFor, checkBooking, type BookingFinding, type Visit, type VisitWindow } from '../../../../shared/dispatch';
import type { Engineer } from '../../../../shared/directory';
import type { BusinessCalendar } from '../../../../shared/sla';
import { DAY_MS, zoneClock } from '../../../../shared/sla/calendar-zone';

const MINUTE = 60_000;

/** "YYYY-MM-DDTHH:MM" (a datetime-local value) read as wall time in `zone`; undefined when malformed. */
export function wallTimeToInstant(value: string, zone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d);
  if (new Date(utc).getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  return zoneClock(zone).wallToInstant(utc / DAY_MS, h * 60 + mi);
}

/** An instant as a datetime-local value in `zone`. */
export function instantToWallTime(instant: number, zone: string): string {
  const z = zoneClock(zone);
  const local = instant + z.offsetAt(instant);
  return new Date(local).toISOString().slice(0, 16);
}

/** The booking form: what the dispatcher types (the start as wall time in the board's zone); messages are locale keys. */
export const bookingFormSchema = z.object({
  engineerId: z.string().min(1, 'engineerRequired'),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'startRequired'),
  durationMinutes: z.number({ message: 'durationRequired' }).int('durationRequired').min(15, 'durationMin').max(24 * 60, 'durationMax'),
  travelBufferMinutes: z.number({ message: 'travelRequired' }).int('travelRequired').min(0, 'travelMin').max(24 * 60, 'travelMax'),
  reason: z.string(),
});
export type BookingForm = z.infer<typeof bookingFormSchema>;

/** Moving a booked visit needs a reason (it goes to the visit's history and the engineer's calendar). */
export function bookingFormSchemaFor(mode: 'schedule' | 'reschedule') {
  return mode === 'schedule' ? bookingFormSchema : bookingFormSchema.extend({ reason: z.string().trim().min(1, 'reasonRequired') });
}

/** The window the form describes, or undefined while the start is not a valid time. */
export function formWindow(form: Pick<BookingForm, 'start' | 'durationMinutes'>, zone: string): VisitWindow | undefined {
  const start = wallTimeToInstant(form.start, zone);
  if (start === undefined || !Number.isFinite(form.durationMinutes) || form.durationMinutes <= 0) return undefined;
  return { start, end: start + Math.round(form.durationMinutes) * MINUTE };
}

export type BookingInputs = {
  engineers: readonly Engineer[];
  calendars: Readonly<Record<string, BusinessCalendar>>;
  visits: readonly Visit[];
  now: number;
  /** The visit's live arrival deadline (the ticket's on-site clock), overriding the stored one. */
  deadline?: number;
};

/** The checkBooking findings for putting `visit` with an engineer into a window; throws when the engineer or calendar is unknown. */
export function findingsFor(visit: Visit, engineerId: string, window: VisitWindow, travelBufferMinutes: number, inputs: BookingInputs): BookingFinding[] {
  const engineer = inputs.engineers.find((e) => e.id === engineerId);
  if (!engineer) throw new RangeError(`engineer ${engineerId} is not in the directory`);
  const calendar = inputs.calendars[engineer.calendarId];
  if (!calendar) throw new RangeError(`the calendar ${engineer.calendarId} of ${engineer.name} is not loaded`);
  const candidate = bookingCandidateFor(visit, engineerId, window, travelBufferMinutes);
  if (inputs.deadline !== undefined) candidate.arrivalDeadline = inputs.deadline;
  return checkBooking(candidate, { engineer, engineerCalendar: calendar, visits: inputs.visits, now: inputs.now });
}
