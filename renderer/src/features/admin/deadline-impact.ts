import { configDeadlineMoves, policiesUsingCalendar, type DeadlineMove } from '../../../../shared/calendar-io';
import { rowsOf } from '../../../../shared/contract';
import type { BusinessCalendar, DeskConfig } from '../../../../shared/sla';
import type { Ticket } from '../../../../shared/ticket';
import type { ServiceDeskDb } from '../../data/db';
import { CLOSED as CLOSED_DUE, ticketIndex } from '../../data'; // closed tickets sort at CLOSED; everything below is open


export type DeadlineImpact = { tickets: number; moves: DeadlineMove[]; failed: Array<{ ticketId: string; message: string }> };

export type ImpactInput = {
  calendarId: string;
  /** The calendar in force now (undefined for a calendar that does not exist yet). */
  before: BusinessCalendar | undefined;
  after: BusinessCalendar;
  /** The configuration in force: policies, calendars and the customers' sites and contracts. */
  config: DeskConfig;
  now: number;
};

/**
 * Customers whose tickets can run on the calendar through their contract rather than their policy:
 * a site working to it, or a contract coverage rule naming it.
 */
function customersUsingCalendar(config: DeskConfig, calendarId: string): Set<string> {
  const out = new Set<string>();
  for (const site of rowsOf(config.sites)) if (site.calendarId === calendarId) out.add(site.customerId);
  for (const c of rowsOf(config.contracts)) if (c.coverage.some((r) => r.calendarId === calendarId)) out.add(c.customerId);
  return out;
}

export type ImpactOptions = { chunkSize?: number; pause?: () => Promise<void>; cancelled?: () => boolean };

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Which open tickets' deadlines move if the calendar becomes `after`: only the open tickets
 * (dueAt index) of policies that use the calendar, or of customers whose site or contract uses it,
 * are read; each ticket's clocks come from its contract (as everywhere in the app) and are computed
 * in chunks so the UI stays responsive. Returns undefined when cancelled.
 */
export async function computeDeadlineImpact(db: ServiceDeskDb, input: ImpactInput, options: ImpactOptions = {}): Promise<DeadlineImpact | undefined> {
  const policyIds = policiesUsingCalendar(rowsOf(input.config.policies), input.calendarId);
  const customerIds = customersUsingCalendar(input.config, input.calendarId);
  if (policyIds.size === 0 && customerIds.size === 0) return { tickets: 0, moves: [], failed: [] };
  const tickets: Ticket[] = [];
  await db.tickets
    .where(ticketIndex.dueAt)
    .below(CLOSED_DUE)
    .each((t) => {
      if (policyIds.has(t.policyId) || customerIds.has(t.customerId)) tickets.push(t);
    });
  const calendars = input.config.calendars;
  const before: DeskConfig = { ...input.config, calendars: input.before ? { ...calendars, [input.calendarId]: input.before } : calendars };
  const after: DeskConfig = { ...input.config, calendars: { ...calendars, [input.calendarId]: input.after } };
  const size = options.chunkSize ?? 100;
  const pause = options.pause ?? nextTask;
  const out: DeadlineImpact = { tickets: tickets.length, moves: [], failed: [] };
  for (let i = 0; i < tickets.length; i += size) {
    if (options.cancelled?.()) return undefined;
    const r = configDeadlineMoves(tickets.slice(i, i + size), before, after, input.now);
    out.moves.push(...r.moves);
    out.failed.push(...r.failed);
    if (i + size < tickets.length) await pause();
  }
  if (options.cancelled?.()) return undefined;
  out.moves.sort((a, b) => Math.abs(b.deltaMinutes) - Math.abs(a.deltaMinutes) || a.ticketId.localeCompare(b.ticketId));
  return out;
}
