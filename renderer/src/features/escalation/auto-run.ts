import { escalatedLevelsFrom, severityEffectiveSince, type DueEscalation, type EscalationMatrix } from '../../../../shared/escalation';
import { escalationMatrixForTicket, type ContractConfig } from '../../../../shared/contract';
import { resolvePriorityRaise, type Policy } from '../../../../shared/policy';
import type { CalendarLookup } from '../../../../shared/sla/clocks';
import type { Ticket, TicketStatus, TimelineEvent } from '../../../../shared/ticket';
import type { Mutate } from '../../app/mutations';
import type { ServiceDeskDb } from '../../data/db';
import { ageThresholds, highestAutoLevel, planAutoEscalations, type AutoEscalationPlan, type ContractRowsConfig } from './auto-plan';
import { loadEscalationMatrices } from './matrices';
import { backgroundTurn, CLOSED as CLOSED_DUE, DueRangeCache } from '../../data'; // closed tickets sort at CLOSED; everything below is open

const DONE: ReadonlySet<TicketStatus> = new Set(['resolved', 'confirmed', 'closed']);
/** Tickets whose clocks are computed per run; the rest wait for the next run (the cursor moves on). */
export const AUTO_ESCALATION_BUDGET = 200;

/** Where the next run continues, and the candidate facts held between runs (see releaseAutoRunState). */
export type AutoRunState = { cursor?: string; held?: HeldCandidates };

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

/** What decides whether a ticket is an automatic escalation candidate, held per open ticket that could become one. */
type CandidateFacts = { level: number; top: number; severity: string; dueAt: number; since: number };
type CandidateCache = DueRangeCache<CandidateFacts>;

/** The held facts of the open tickets some rule could still move, and the rules they were derived under. */
type HeldCandidates = { cache: CandidateCache; key: { matrices: string; policies: unknown; calendars: unknown; contracts: unknown[] }; version: object; matrices: readonly EscalationMatrix[]; config: ContractConfig };

/**
 * The facts of a ticket an automatic rule could still move under these matrices: open, under a
 * matrix, below its highest automatic level. Any other ticket needs a write to become one.
 */
function candidateFacts(t: Ticket & { dueAt?: number }, matrices: readonly EscalationMatrix[], config: ContractConfig): CandidateFacts | undefined {
  if (DONE.has(t.status)) return undefined;
  const m = escalationMatrixForTicket(matrices, t, config);
  if (m === undefined) return undefined;
  const top = highestAutoLevel(m);
  if (t.escalationLevel >= top) return undefined;
  return { level: t.escalationLevel, top, severity: t.severity, dueAt: t.dueAt ?? Infinity, since: severityEffectiveSince(t) };
}

/** The candidate cache of this state, new when the rules changed (then it reads every open ticket once). */
function heldCandidates(db: ServiceDeskDb, state: AutoRunState, matrices: readonly EscalationMatrix[], config: ContractConfig): HeldCandidates {
  const key = { matrices: JSON.stringify(matrices), policies: config.policies, calendars: config.calendars, contracts: [config.customers, config.sites, config.assets, config.contracts, config.products] };
  const held = state.held;
  const same = held !== undefined && held.key.matrices === key.matrices && held.key.policies === key.policies && held.key.calendars === key.calendars && held.key.contracts.every((c, i) => c === key.contracts[i]);
  if (held && same) return held;
  const cache: CandidateCache = held?.cache ?? new DueRangeCache(db, (row) => (state.held ? candidateFacts(row, state.held.matrices, state.held.config) : undefined));
  state.held = { cache, key, version: {}, matrices, config };
  return state.held;
}

/** Stops the change tracking of a runner's state (the service calls it when it stops). */
export function releaseAutoRunState(state: AutoRunState): void {
  state.held?.cache.stop();
  delete state.held;
}

/**
 * Open tickets some automatic rule could still move: breached clocks (dueAt) or old enough for an
 * age rule. Runs every minute: the facts that decide it are held per open ticket and only the
 * tickets written since the last run are read again (at 100k tickets re-reading every breached or
 * aged ticket each minute kept IndexedDB busy for seconds, and every ticket opened meanwhile waited).
 */
async function candidateIds(db: ServiceDeskDb, state: AutoRunState, matrices: readonly EscalationMatrix[], now: number, config: ContractConfig): Promise<string[]> {
  const ages = ageThresholds(matrices);
  const held = heldCandidates(db, state, matrices, config);
  const facts = await held.cache.refresh(CLOSED_DUE, held.version);
  const ids: string[] = [];
  for (const [id, f] of facts) {
    const age = ages.get(f.severity);
    if (f.dueAt < now || (age !== undefined && f.since <= now - age * 60_000)) ids.push(id);
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
    // Without a state to keep (a single run) the facts are read for this run only.
    const state = options.state ?? {};
    let all: string[];
    try {
      all = await candidateIds(db, state, matrices, options.now, { policies: options.policies, calendars: options.calendars, ...options.contracts });
    } finally {
      if (!options.state) releaseAutoRunState(state);
    }
    const ids = nextWindow(all, state, options.budget ?? AUTO_ESCALATION_BUDGET);
    if (ids.length === 0) return [];
    // The window's rows and timelines are a few large reads: after the user's (data/foreground.ts).
    await backgroundTurn();
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
