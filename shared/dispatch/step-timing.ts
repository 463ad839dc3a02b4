// Field steps recorded far from the booked window are usually a slip of the finger (tapping
// "Arrived" on tomorrow's visit) or a clock problem; the app asks before recording them.
import type { Instant } from '../ticket/schema';
import type { Visit, VisitWindow } from './visit-schema';

/** The steps that stamp a time on the visit and are checked against its window. */
export type TimedStep = 'en_route' | 'arrive' | 'depart';

/** Minutes either side of the window within which a step is normal (traffic, a short overrun). */
export const STEP_GRACE_MINUTES = 30;

const MINUTE = 60_000;

export type StepOutsideWindow = {
  step: TimedStep;
  at: Instant;
  side: 'early' | 'late';
  /** How far outside the accepted range, in whole minutes (at least 1). */
  minutes: number;
  window: VisitWindow;
  /** The zone the caller should show the times in: the visit's site. */
  zone: string;
};

/**
 * The accepted range of a step: setting off may start the travel time before the window; arriving
 * may be a little early; leaving may not happen before the window starts. All may run a little late.
 */
export function stepRange(visit: Pick<Visit, 'travelBufferMinutes'>, step: TimedStep, window: VisitWindow): { from: Instant; to: Instant } {
  const grace = STEP_GRACE_MINUTES * MINUTE;
  const to = window.end + grace;
  if (step === 'en_route') return { from: window.start - visit.travelBufferMinutes * MINUTE - grace, to };
  if (step === 'arrive') return { from: window.start - grace, to };
  return { from: window.start, to };
}

/** Undefined when the step at `at` is within its range, or the visit has no window to compare with. */
export function stepOutsideWindow(visit: Pick<Visit, 'window' | 'travelBufferMinutes' | 'site'>, step: TimedStep, at: Instant): StepOutsideWindow | undefined {
  const window = visit.window;
  if (!window) return undefined;
  const { from, to } = stepRange(visit, step, window);
  const base = { step, at, window, zone: visit.site.timeZone };
  if (at < from) return { ...base, side: 'early', minutes: Math.max(1, Math.ceil((window.start - at) / MINUTE)) };
  if (at > to) return { ...base, side: 'late', minutes: Math.max(1, Math.ceil((at - window.end) / MINUTE)) };
  return undefined;
}

/** Whole days, hours and minutes of a span, largest first, for "1 d 3 h early". */
export function splitSpan(minutes: number): { days: number; hours: number; minutes: number } {
  const m = Math.max(0, Math.round(minutes));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}
