import { escalatedLevelsFrom, severityEffectiveSince, type DueEscalation, type EscalationMatrix } from '../../../../shared/escalation';
import { escalationMatrixForTicket, type ContractConfig } from '../../../../shared/contract';
import { resolvePriorityRaise, type Policy } from '../../../../shared/policy';
import type { CalendarLookup } from '../../../../shared/sla/clocks';
import type { Ticket, TicketStatus, TimelineEvent } from '../../../../shared/ticket';
import type { Mutate } from '../../app/mutations';
import type { ServiceDeskDb } from '../../data/db';
import { ageThresholds, highestAutoLevel, planAutoEscalations, type AutoEscalationPlan, type ContractRowsConfig } from './auto-plan';
import { loadEscalationMatrices } from './matrices';
import { CLOSED as CLOSED_DUE, ticketIndex } from '../../data'; // closed tickets sort at CLOSED; everything below is open

const DONE: ReadonlySet<TicketStatus> = new Set(['resolved', 'confirmed', 'closed']);
/** Tickets whose clocks are computed per run; the rest wait for the next run (the cursor moves on). */
export const AUTO_ESCALATION_BUDGET = 200;

export type AutoRunState = { cursor?: string };

export type AutoRunOptions = {
  policies: ReadonlyMap<string, Policy>;
  calendars: CalendarLookup;
  now: number;
  language: string;
  /** The `ask` text recorded with the event (the localized reason). */
  describe: (due: DueEscalation) => string;
  /** Where the next run continues; one object per hook instance (a fresh one after a restart). */
  state?: AutoRunState;
  budget?: number;
  matrices?: readonly EscalationMatrix[];
  /** Customers, sites, assets and contracts: a ticket's contract decides its clocks and matrix. */
  contracts?: ContractRowsConfig;
};

export type RecordedAutoEscalation = AutoEscalationPlan & { at: number; outcome: 'applied' | 'conflict' | 'rejected'; message?: string };

// Runs never overlap: not in this page (the promise chain) nor across windows of the same
// profile (Web Locks where available), so the re-check before each record sees every earlier one.
let chain: Promise<unknown> = Promise.resolve();
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  const run = () => (locks ? locks.request('service-desk.auto-escalation', fn) : fn());
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}

/** Rows read per request when checking candidates. */
const CHECK_CHUNK = 2_000;

/**
 * Open tickets some automatic rule could still move: breached clocks (dueAt index) or old enough
 * for an age rule. Runs every minute, so it starts from keys alone (the breached range, and per
 * age-rule severity the severity index intersected with the open tickets' keys) and reads only
 * those rows; at 100k tickets reading every ticket of a severity kept the page busy for most of a second.
 */
async function candidateIds(db: ServiceDeskDb, matrices: readonly EscalationMatrix[], now: number, config: ContractConfig): Promise<string[]> {
  const ages = ageThresholds(matrices);
  const [breached, open] = await Promise.all([db.tickets.where(ticketIndex.dueAt).below(now).primaryKeys(), ages.size > 0 ? db.tickets.where(ticketIndex.dueAt).below(CLOSED_DUE).primaryKeys() : []]);
  const openIds = new Set(open);
  const keys = new Set(breached);
  for (const severity of ages.keys()) for (const id of await db.tickets.where('severity').equals(severity).primaryKeys()) if (openIds.has(id)) keys.add(id);
  const qualifies = (t: Ticket & { dueAt?: number }) => {
    if (DONE.has(t.status)) return false;
    const m = escalationMatrixForTicket(matrices, t, config);
    if (m === undefined || t.escalationLevel >= highestAutoLevel(m)) return false;
    const age = ages.get(t.severity);
    return (t.dueAt ?? Infinity) < now || (age !== undefined && severityEffectiveSince(t) <= now - age * 60_000);
  };
  const all = [...keys];
  const ids: string[] = [];
  for (let i = 0; i < all.length; i += CHECK_CHUNK) {
    for (const t of await db.tickets.bulkGet(all.slice(i, i + CHECK_CHUNK))) if (t && qualifies(t)) ids.push(t.id);
  }
  return ids.sort();
}

/** A window of at most `budget` ids after the cursor, wrapping around, so every candidate gets its turn. */
export function nextWindow(ids: readonly string[], state: AutoRunState, budget: number): string[] {
  if (ids.length <= budget) {
    delete state.cursor;
    return [...ids];
  }
  const cursor = state.cursor;
  const start = cursor === undefined ? 0 : ids.findIndex((id) => id > cursor);
  const from = start < 0 ? 0 : start;
  const window = [...ids.slice(from, from + budget), ...ids.slice(0, Math.max(0, from + budget - ids.length))];
  state.cursor = window[window.length - 1];
  return window;
}

async function timelineOf(db: ServiceDeskDb, ticketId: string): Promise<TimelineEvent[]> {
  return db.timeline.where('ticketId').equals(ticketId).toArray();
}

/**
 * One automatic escalation pass: finds the open tickets that breached or aged, plans with
 * planAutoEscalations and records each due level once (automatic: true). Before each record the
 * ticket's timeline is read again, so a level recorded by an earlier pass, another window or a
 * sync pull is never recorded twice.
 */
export function runAutoEscalation(db: ServiceDeskDb, mutate: Mutate, options: AutoRunOptions): Promise<RecordedAutoEscalation[]> {
  return exclusive(async () => {
    const matrices = options.matrices ?? (await loadEscalationMatrices(db));
    const ids = nextWindow(await candidateIds(db, matrices, options.now, { policies: options.policies, calendars: options.calendars, ...options.contracts }), options.state ?? {}, options.budget ?? AUTO_ESCALATION_BUDGET);
    if (ids.length === 0) return [];
    const tickets = (await db.tickets.bulkGet(ids)).filter((t): t is Ticket => t !== undefined);
    const events = await db.timeline.where('ticketId').anyOf(ids).toArray();
    const timelines = new Map<string, TimelineEvent[]>();
    for (const e of events) timelines.set(e.ticketId, [...(timelines.get(e.ticketId) ?? []), e]);
    const engineers = await db.engineers.toArray();
    const plans = planAutoEscalations(tickets, timelines, matrices, options.policies, options.calendars, options.now, { engineers, language: options.language, ...(options.contracts ? { contracts: options.contracts } : {}) });

    const recorded: RecordedAutoEscalation[] = [];
    for (const plan of plans) {
      const [ticket, timeline] = await Promise.all([db.tickets.get(plan.ticketId), timelineOf(db, plan.ticketId)]);
      if (!ticket || ticket.escalationLevel >= plan.level || escalatedLevelsFrom(timeline).includes(plan.level)) continue;
      const r = await mutate('ticket.recordEscalation@1', {
        ticketId: plan.ticketId,
        level: plan.level,
        levelName: plan.levelName,
        recipients: plan.recipients,
        ask: options.describe(plan.due),
        automatic: true,
      });
      // The matrix may raise the priority with the escalation (e.g. P1 on a first-response breach);
      // only ever upwards, and only once the escalation itself was recorded.
      // The raise ("top", "next" or an id) maps through the ticket's own policy's scale; the mapped
      // id is sent, and the priority command (here and on the server) only lets it raise.
      const policy = options.policies.get(ticket.policyId);
      const raise = plan.due.raisePriorityTo;
      const raiseTo = raise && policy ? resolvePriorityRaise(policy, ticket.priority, raise) : raise;
      if (r.outcome === 'applied' && raiseTo) {
        await mutate('ticket.setPriority@1', { ticketId: ticket.id, priority: raiseTo, reason: options.describe(plan.due), automatic: true });
      }
      recorded.push({ ...plan, at: options.now, outcome: r.outcome, ...(r.message ? { message: r.message } : {}) });
    }
    return recorded;
  });
}
