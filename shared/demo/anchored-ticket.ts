// One random demo ticket placed in time so it shows the moment drawn for it (see anchor.ts).
import type { DeskConfig } from '../sla/ticket-clocks';
import { ticketClocks } from '../sla/ticket-clocks';
import type { Ticket, TicketStatus } from '../ticket/schema';
import { drawMoment, latestStartDueBy, momentTarget, openDeadline, type DemoMoment } from './anchor';
import { pick } from './random';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How long ago a breach still counts as recent. */
const RECENT = 12 * 60 * MINUTE;

/** The ticket's fields that do not depend on time (who, what, which contract). */
export type TimelessTicket = Omit<Ticket, 'status' | 'ownerId' | 'sla' | 'createdAt' | 'updatedAt' | 'createdBy'>;

const statusesFor: Record<DemoMoment, readonly TicketStatus[]> = {
  due_within_hour: ['received', 'acknowledged', 'in_progress'],
  paused: ['waiting_customer'],
  on_track: ['acknowledged', 'in_progress', 'in_progress'],
  breached_recently: ['acknowledged', 'in_progress'],
  resolved_met: ['resolved', 'closed'],
};

/** True when a clock still open was breached longer ago than counts as recent. */
function breachedLongAgo(ticket: Ticket, config: DeskConfig, now: number): boolean {
  return ticketClocks(ticket, config, now).clocks.some((c) => c.state === 'breached' && c.completedAt === undefined && c.target !== undefined && c.target < now - RECENT);
}

/**
 * The ticket with its start, response, customer updates and (resolved) resolution placed so that
 * at `now` it shows the drawn moment: its earliest open deadline within the hour, in the last
 * hours, or comfortably ahead; paused while the customer answers; or resolved within target.
 */
export function anchoredTicket(rnd: () => number, base: TimelessTicket, owner: string | undefined, config: DeskConfig, now: number): { ticket: Ticket; moment: DemoMoment } {
  const moment = drawMoment(rnd);
  const drawn = pick(rnd, statusesFor[moment]);
  const lastUpdateAgo = (5 + Math.floor(rnd() * 35)) * MINUTE;
  const pausedAgo = (15 + Math.floor(rnd() * 6 * 60)) * MINUTE;
  const unowned = rnd() < 0.6;
  const build = (createdAt: number, resolvedAt?: number, status: TicketStatus = drawn): Ticket => {
    const received = status === 'received';
    const ownerId = received && unowned ? undefined : owner;
    const respondedAt = received ? undefined : Math.min(createdAt + 5 * MINUTE, Math.max(createdAt, now - MINUTE));
    const updates = respondedAt === undefined ? [] : now - lastUpdateAgo > respondedAt + MINUTE && resolvedAt === undefined ? [respondedAt, now - lastUpdateAgo] : [respondedAt];
    const pauseFrom = moment === 'paused' ? Math.max(respondedAt ?? createdAt, now - pausedAgo) : undefined;
    return {
      ...base,
      status: resolvedAt === undefined && moment === 'resolved_met' ? 'in_progress' : status,
      ...(ownerId ? { ownerId } : {}),
      sla: {
        severityHistory: [{ at: createdAt, severity: base.severity }],
        pauses: pauseFrom === undefined ? [] : [{ from: pauseFrom }],
        customerUpdates: updates,
        ...(respondedAt === undefined ? {} : { respondedAt }),
        ...(resolvedAt === undefined ? {} : { resolvedAt }),
      },
      createdAt,
      updatedAt: Math.max(createdAt, resolvedAt ?? updates.at(-1) ?? createdAt),
      createdBy: ownerId ?? 'eng-alex',
    };
  };
  if (moment === 'resolved_met') {
    // Resolved some days ago, well inside the resolution target its clocks gave while it was open.
    const createdAt = now - DAY - Math.floor(rnd() * 20) * DAY - Math.floor(rnd() * 600) * MINUTE;
    const open = build(createdAt);
    const target = ticketClocks(open, config, now).clocks.find((c) => c.kind === 'resolution')?.target;
    const respondedAt = open.sla.respondedAt ?? createdAt;
    const span = target === undefined ? 60 * MINUTE : Math.max(MINUTE, target - respondedAt);
    const resolvedAt = Math.min(now - MINUTE, respondedAt + Math.floor(span * (0.2 + rnd() * 0.6)));
    return { ticket: build(createdAt, resolvedAt), moment };
  }
  const at = momentTarget(moment, rnd, now);
  const aim = (status: TicketStatus, by: number) => latestStartDueBy((c) => build(c, undefined, status), config, now, by);
  let status = drawn;
  let createdAt = aim(status, at);
  // A policy whose only promise is the first response has nothing open once answered: such a
  // case is due soon or breached only while it waits for its first answer.
  if (createdAt === undefined && (moment === 'due_within_hour' || moment === 'breached_recently')) createdAt = aim((status = 'received'), at);
  // A deadline that falls on a working day's end cannot fall in the last hours early in the
  // morning: such a case is shown on track instead of breached for days.
  if (moment === 'breached_recently' && createdAt !== undefined && (openDeadline(build(createdAt, undefined, status), config, now) ?? now) < now - RECENT) {
    createdAt = aim(status, momentTarget('on_track', rnd, now));
  }
  const ticket = build(createdAt ?? now - 30 * MINUTE, undefined, status);
  // Some clocks start from another's breach (on-site after online resolution): a start found for
  // one deadline can leave an older one breached for days. Such a case is logged fresh instead.
  return { ticket: breachedLongAgo(ticket, config, now) ? build(now - 30 * MINUTE, undefined, status) : ticket, moment };
}
