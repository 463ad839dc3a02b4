import type { ClockKind } from './watch';
import type { BusinessCalendar } from './calendar';
import type { ClockUnit } from '../policy/schema';

export type ClockState = 'pending' | 'running' | 'paused' | 'met' | 'breached';

/** Calendars by id, as the policies name them. */
export type CalendarLookup = Readonly<Record<string, BusinessCalendar>>;

/**
 * One SLA clock of a ticket, derived from its facts at `now`. Minutes are clock minutes: open time
 * of the calendar for business_minutes and working_days targets, wall-clock time for elapsed ones.
 */
export type Clock = {
  kind: ClockKind;
  state: ClockState;
  /** The severity level whose target applies (the level at completion for finished clocks). */
  severity: string;
  unit: ClockUnit;
  calendarId: string;
  /** The allowance in clock minutes (for working_days: the open time up to that deadline). */
  totalMinutes: number;
  startedAt?: number;
  /** Deadline; while paused, the deadline if the pause ended now. */
  target?: number;
  elapsedMinutes: number;
  /** Negative once breached. */
  remainingMinutes: number;
  completedAt?: number;
  /** The next instant a warning threshold or the breach (100) is crossed; only for running clocks. */
  nextEventAt?: number;
  nextThreshold?: number;
  /** Warning thresholds already crossed, plus 100 when breached. */
  thresholdsCrossed: number[];
};
