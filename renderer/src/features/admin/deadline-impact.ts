import { deadlineMoves, policiesUsingCalendar, type DeadlineMove } from '../../../../shared/calendar-io';
import type { Policy } from '../../../../shared/policy';
import type { BusinessCalendar, CalendarLookup } from '../../../../shared/sla';
import type { Ticket } from '../../../../shared/ticket';
import type { ServiceDeskDb } from '../../data/db';
import { CLOSED as CLOSED_DUE, ticketIndex } from '../../data'; // closed tickets sort at CLOSED; everything below is open


export type DeadlineImpact = { tickets: number; moves: DeadlineMove[]; failed: Array<{ ticketId: string; message: string }> };

export type ImpactInput = {
  calendarId: string;
  /** The calendar in force now (undefined for a calendar that does not exist yet). */
  before: BusinessCalendar | undefined;
  after: BusinessCalendar;
  policies: ReadonlyMap<string, Policy>;
  calendars: CalendarLookup;
  now: number;
};

export type ImpactOptions = { chunkSize?: number; pause?: () => Promise<void>; cancelled?: () => boolean };

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Which open tickets' deadlines move if the calendar becomes `after`: only the open tickets
 * (dueAt index) of policies that use the calendar are read, and clocks are computed in chunks so
 * the UI stays responsive. Returns undefined when cancelled.
 */
export async function computeDeadlineImpact(db: ServiceDeskDb, input: ImpactInput, options: ImpactOptions = {}): Promise<DeadlineImpact | undefined> {
  const policyIds = policiesUsingCalendar(input.policies.values(), input.calendarId);
  if (policyIds.size === 0) return { tickets: 0, moves: [], failed: [] };
  const tickets: Ticket[] = [];
  await db.tickets
    .where(ticketIndex.dueAt)
    .below(CLOSED_DUE)
    .each((t) => {
      if (policyIds.has(t.policyId)) tickets.push(t);
    });
  const before: CalendarLookup = input.before ? { ...input.calendars, [input.calendarId]: input.before } : input.calendars;
  const after: CalendarLookup = { ...input.calendars, [input.calendarId]: input.after };
  const size = options.chunkSize ?? 100;
  const pause = options.pause ?? nextTask;
  const out: DeadlineImpact = { tickets: tickets.length, moves: [], failed: [] };
  for (let i = 0; i < tickets.length; i += size) {
    if (options.cancelled?.()) return undefined;
    const r = deadlineMoves(tickets.slice(i, i + size), input.policies, before, after, input.now);
    out.moves.push(...r.moves);
    out.failed.push(...r.failed);
    if (i + size < tickets.length) await pause();
  }
  if (options.cancelled?.()) return undefined;
  out.moves.sort((a, b) => Math.abs(b.deltaMinutes) - Math.abs(a.deltaMinutes) || a.ticketId.localeCompare(b.ticketId));
  return out;
}
