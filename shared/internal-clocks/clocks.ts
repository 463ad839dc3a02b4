// The internal clocks of a ticket, derived from its recorded hand-offs; nothing here is stored.
// Each step runs on the ticket's business calendar from the instant it starts to the first
// hand-off recorded for it: the first record counts, so a step once met never restarts.
import type { Meter } from '../sla/clocks-meter';
import type { Ticket } from '../ticket/schema';
import type { InternalFact, InternalProcess, InternalRole, InternalStep } from './schema';

export type InternalClockState = 'waiting' | 'running' | 'met' | 'breached';

/** One internal step's clock: kind 'internal', never counted as a customer SLA. */
export type InternalClock = {
  kind: 'internal';
  step: string;
  from: InternalRole;
  to: InternalRole;
  minutes: number;
  state: InternalClockState;
  startedAt?: number;
  /** Deadline: the start plus the step's minutes of open calendar time. */
  target?: number;
  completedAt?: number;
  /** Open minutes left (negative once breached); the full allowance while waiting. */
  remainingMinutes: number;
  /** The person (user id) whose turn it is: the one the previous hand-off went to. */
  person?: string;
};

/** What the one button on the ticket records next: the start fact of a recorded step, or the current hand-off. */
export type NextHandoff = { step: InternalStep; mark: 'start' | 'done' };

/** The engineer's work window: from the hand-off before it to the report that the work is finished. */
export type NoProgressState = { step: string; lastProgressAt: number; dueAt: number; escalatedAt?: number; escalateTo: InternalRole };

export type InterimState = { scheduledAt: number; sentAt?: number };

export type InternalStatus = {
  clocks: InternalClock[];
  current?: InternalClock;
  next?: NextHandoff;
  noProgress?: NoProgressState;
  interim?: InterimState;
};

type Facts = Pick<Ticket, 'createdAt' | 'createdBy' | 'ownerId'> & { internalFacts?: readonly InternalFact[] | undefined };

/** The first instant a mark was recorded for a step (later records are replays and do not count). */
export function firstMark(facts: readonly InternalFact[] | undefined, step: string, mark: InternalFact['mark']): InternalFact | undefined {
  let best: InternalFact | undefined;
  for (const f of facts ?? []) if (f.step === step && f.mark === mark && (best === undefined || f.at < best.at)) best = f;
  return best;
}

function stepStart(ticket: Facts, steps: readonly InternalStep[], i: number, doneAt: readonly (number | undefined)[]): number | undefined {
  const s = steps[i] as InternalStep;
  if (s.startsOn === 'created') return ticket.createdAt;
  if (s.startsOn === 'previous') return doneAt[i - 1];
  return firstMark(ticket.internalFacts, s.id, 'start')?.at;
}

function remainingOf(meter: Meter, end: number, target: number): number {
  return end < target ? meter.between(end, target) : -meter.between(target, end);
}

/**
 * Every step's clock at `now`, whose turn it is, and the next hand-off to record. `meter` is the
 * open-time meter of the ticket's calendar; `progressAt` lists instants of other recorded
 * progress (notes, status changes) that keep the engineer's no-progress escalation away.
 */
export function internalStatus(ticket: Facts, process: InternalProcess, meter: Meter, now: number, progressAt: readonly number[] = []): InternalStatus {
  const steps = process.steps;
  const doneAt: (number | undefined)[] = [];
  const clocks: InternalClock[] = [];
  let person: string | undefined = ticket.createdBy || undefined;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as InternalStep;
    const start = stepStart(ticket, steps, i, doneAt);
    const doneFact = start === undefined ? undefined : firstMark(ticket.internalFacts, s.id, 'done');
    const done = doneFact && doneFact.at >= start! ? doneFact.at : undefined;
    doneAt.push(done);
    const clock: InternalClock = { kind: 'internal', step: s.id, from: s.from, to: s.to, minutes: s.minutes, state: 'waiting', remainingMinutes: s.minutes };
    if (person !== undefined) clock.person = person;
    if (start !== undefined) {
      const target = meter.add(start, s.minutes);
      clock.startedAt = start;
      clock.target = target;
      if (done !== undefined) {
        clock.completedAt = done;
        clock.state = done <= target ? 'met' : 'breached';
        clock.remainingMinutes = remainingOf(meter, done, target);
      } else {
        clock.state = now >= target ? 'breached' : 'running';
        clock.remainingMinutes = remainingOf(meter, Math.max(now, start), target);
      }
    }
    // Whoever the hand-off named takes the next turn; without a name the ticket's owner does.
    if (doneFact?.to) person = doneFact.to;
    else if (done !== undefined) person = ticket.ownerId ?? person;
    clocks.push(clock);
  }
  const out: InternalStatus = { clocks };
  const idx = clocks.findIndex((c) => c.completedAt === undefined);
  if (idx >= 0) {
    const c = clocks[idx] as InternalClock;
    const s = steps[idx] as InternalStep;
    out.current = c;
    if (c.startedAt !== undefined) out.next = { step: s, mark: 'done' };
    else if (s.startsOn === 'recorded') out.next = { step: s, mark: 'start' };
  }
  const np = noProgressOf(ticket, process, clocks, meter, progressAt);
  if (np) out.noProgress = np;
  const scheduled = firstMark(ticket.internalFacts, INTERIM_STEP, 'interim_scheduled');
  if (scheduled) {
    const sent = firstMark(ticket.internalFacts, INTERIM_STEP, 'interim_sent');
    out.interim = sent ? { scheduledAt: scheduled.at, sentAt: sent.at } : { scheduledAt: scheduled.at };
  }
  return out;
}

/** The step name interim-report facts are filed under (not a step of the process). */
export const INTERIM_STEP = 'interim_report';

/**
 * The engineer's work window is open while the step the engineer reports completion with (the
 * first recorded-start step whose turn is the engineer's) waits for its start and the step before
 * it is done. "No progress" means nothing was recorded on the ticket — no note, no status change,
 * no hand-off — for the configured minutes of open calendar time.
 */
function noProgressOf(ticket: Facts, process: InternalProcess, clocks: readonly InternalClock[], meter: Meter, progressAt: readonly number[]): NoProgressState | undefined {
  const rule = process.noProgress;
  if (!rule) return undefined;
  const k = process.steps.findIndex((s) => s.from === 'engineer' && s.startsOn === 'recorded');
  if (k <= 0) return undefined;
  const before = clocks[k - 1]?.completedAt;
  const stepId = (process.steps[k] as InternalStep).id;
  const escalated = firstMark(ticket.internalFacts, stepId, 'escalated');
  if (before === undefined || (clocks[k]?.startedAt !== undefined && !escalated)) return undefined;
  let last = before;
  for (const t of progressAt) if (t > last) last = t;
  for (const f of ticket.internalFacts ?? []) if (f.mark !== 'escalated' && f.at > last) last = f.at;
  const state: NoProgressState = { step: stepId, lastProgressAt: last, dueAt: meter.add(last, rule.minutes), escalateTo: rule.escalateTo };
  if (escalated) state.escalatedAt = escalated.at;
  return state;
}

/** The escalation for lack of progress is due now and has not been recorded yet. */
export function noProgressDue(status: InternalStatus, now: number): NoProgressState | undefined {
  const np = status.noProgress;
  return np && np.escalatedAt === undefined && now >= np.dueAt ? np : undefined;
}
