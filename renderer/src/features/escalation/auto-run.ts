import { escalatedLevelsFrom, escalationMatrixForPolicy, type DueEscalation, type EscalationMatrix } from '../../../../shared/escalation';
import type { Policy } from '../../../../shared/policy';
import type { CalendarLookup } from '../../../../shared/sla/clocks';
import type { Ticket, TicketStatus, TimelineEvent } from '../../../../shared/ticket';
import type { Mutate } from '../../app/mutations';
import type { ServiceDeskDb } from '../../data/db';
import { ageThresholds, highestAutoLevel, planAutoEscalations, type AutoEscalationPlan } from './auto-plan';
import { loadEscalationMatrices } from './matrices';

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

/** Open tickets some automatic rule could still move: breached clocks (dueAt index) or old enough for an age rule (severity index). */
async function candidateIds(db: ServiceDeskDb, matrices: readonly EscalationMatrix[], now: number): Promise<string[]> {
  const stillMovable = (t: Ticket) => {
    if (DONE.has(t.status)) return false;
    const m = escalationMatrixForPolicy(matrices, t.policyId);
    return m !== undefined && t.escalationLevel < highestAutoLevel(m);
  };
  const ids = new Set<string>(await db.tickets.where('dueAt').below(now).filter(stillMovable).primaryKeys());
  for (const [severity, minutes] of ageThresholds(matrices)) {
    const bornBefore = now - minutes * 60_000;
    for (const id of await db.tickets.where('severity').equals(severity).filter((t) => t.createdAt <= bornBefore && stillMovable(t)).primaryKeys()) ids.add(id);
  }
  return [...ids].sort();
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
    const ids = nextWindow(await candidateIds(db, matrices, options.now), options.state ?? {}, options.budget ?? AUTO_ESCALATION_BUDGET);
    if (ids.length === 0) return [];
    const tickets = (await db.tickets.bulkGet(ids)).filter((t): t is Ticket => t !== undefined);
    const events = await db.timeline.where('ticketId').anyOf(ids).toArray();
    const timelines = new Map<string, TimelineEvent[]>();
    for (const e of events) timelines.set(e.ticketId, [...(timelines.get(e.ticketId) ?? []), e]);
    const engineers = await db.engineers.toArray();
    const plans = planAutoEscalations(tickets, timelines, matrices, options.policies, options.calendars, options.now, { engineers, language: options.language });

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
      const raiseTo = plan.due.raisePriorityTo;
      const policy = options.policies.get(ticket.policyId);
      const rank = (id: string) => policy?.priorities.findIndex((p) => p.id === id) ?? -1;
      // A matrix shared by several policies may name a priority this ticket's policy lacks: skip it.
      if (r.outcome === 'applied' && raiseTo && rank(raiseTo) >= 0 && (rank(ticket.priority) < 0 || rank(raiseTo) < rank(ticket.priority))) {
        await mutate('ticket.setPriority@1', { ticketId: ticket.id, priority: raiseTo, reason: options.describe(plan.due), automatic: true });
      }
      recorded.push({ ...plan, at: options.now, outcome: r.outcome, ...(r.message ? { message: r.message } : {}) });
    }
    return recorded;
  });
}
