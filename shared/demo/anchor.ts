// Demo tickets timed from the moment the demo is made, so the queue looks like a real desk's on an
// ordinary day: a few cases about to breach within the hour, some waiting for the customer (clocks
// paused), most on track, a few breached in the last hours, and a share resolved within target.
// Each ticket's start is found by searching its own clocks (its contract, calendar and time zone),
// so the mix holds for every policy: a business-hours case is not "due in an hour" at night.
import type { DeskConfig } from '../sla/ticket-clocks';
import { ticketClocks } from '../sla/ticket-clocks';
import type { Ticket } from '../ticket/schema';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a demo ticket is meant to show at the moment the demo is made. */
export type DemoMoment = 'due_within_hour' | 'paused' | 'on_track' | 'breached_recently' | 'resolved_met';

// The share of each moment among the random demo tickets (cumulative draw in this order).
const shares: ReadonlyArray<readonly [DemoMoment, number]> = [
  ['due_within_hour', 0.15],
  ['paused', 0.15],
  ['on_track', 0.3],
  ['breached_recently', 0.12],
  ['resolved_met', 0.28],
];

/** Draws the moment a ticket shows. */
export function drawMoment(rnd: () => number): DemoMoment {
  let x = rnd();
  for (const [m, share] of shares) {
    if (x < share) return m;
    x -= share;
  }
  return 'on_track';
}

/** The earliest deadline among the clocks still open (running, paused or breached), if any. */
export function openDeadline(ticket: Ticket, config: DeskConfig, now: number): number | undefined {
  let best: number | undefined;
  for (const c of ticketClocks(ticket, config, now).clocks) {
    if (c.completedAt !== undefined || c.target === undefined) continue;
    if (c.state !== 'running' && c.state !== 'paused' && c.state !== 'breached') continue;
    if (best === undefined || c.target < best) best = c.target;
  }
  return best;
}

/**
 * The latest start (whole minutes, within the last `maxAgeMs`) whose earliest open deadline falls
 * at or before `at`. A later start never has an earlier deadline, so a binary search finds it.
 * Undefined when even the oldest start is due after `at` (or nothing is open).
 */
export function latestStartDueBy(build: (createdAt: number) => Ticket, config: DeskConfig, now: number, at: number, maxAgeMs = 45 * DAY): number | undefined {
  const due = (createdAt: number) => openDeadline(build(createdAt), config, now);
  let lo = Math.floor((now - maxAgeMs) / MINUTE);
  let hi = Math.floor((now - MINUTE) / MINUTE);
  const first = due(lo * MINUTE);
  if (first === undefined || first > at) return undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const d = due(mid * MINUTE);
    if (d !== undefined && d <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo * MINUTE;
}

/** Where a moment's earliest open deadline is aimed, relative to now. */
export function momentTarget(moment: Exclude<DemoMoment, 'resolved_met'>, rnd: () => number, now: number): number {
  switch (moment) {
    case 'due_within_hour':
      return now + (10 + Math.floor(rnd() * 45)) * MINUTE;
    case 'breached_recently':
      return now - (20 + Math.floor(rnd() * 5 * 60)) * MINUTE;
    case 'paused':
    case 'on_track':
      return now + 2 * HOUR + Math.floor(rnd() * 2 * DAY);
  }
}

/** How a ticket stands at `now`, for the mix: the same words the queue's urgency shows. */
export function momentOf(ticket: Ticket, config: DeskConfig, now: number): DemoMoment {
  const clocks = ticketClocks(ticket, config, now).clocks;
  if (clocks.some((c) => c.state === 'breached' && c.completedAt === undefined)) return 'breached_recently';
  if (ticket.status === 'resolved' || ticket.status === 'closed' || ticket.status === 'confirmed') return 'resolved_met';
  // Waiting for the customer is a pause from the desk's side even where the policy stops no clock for it.
  if (ticket.status === 'waiting_customer' || clocks.some((c) => c.state === 'paused')) return 'paused';
  const next = openDeadline(ticket, config, now);
  return next !== undefined && next <= now + HOUR ? 'due_within_hour' : 'on_track';
}
