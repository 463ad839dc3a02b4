// SLA clocks derived from a ticket's facts. Nothing here is stored: a policy,
// calendar or severity change simply gives new clocks on the next call.
import type { Policy, SeverityLevel, ClockTarget, ClockUnit } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import type { ClockKind } from './watch';
import type { BusinessCalendar } from './calendar';
import { timelineOf } from './clocks-timeline';
import type { CalendarLookup, Clock } from './clocks-types';
import { addSkipping, betweenSkipping, businessMeter, elapsedMeter, normalizePauses } from './clocks-meter';
import type { Meter, PauseInterval } from './clocks-meter';

export type { CalendarLookup, Clock, ClockState } from './clocks-types';

const EPS = 1e-9;

type Allowance = { unit: ClockUnit; value: number; level: SeverityLevel; calendarId?: string | undefined };

/** Internal context for one ticket: lookups done once. */
type Ctx = { ticket: Ticket; policy: Policy; now: number; calendars: CalendarLookup; levels: Map<string, SeverityLevel> };

const levelMaps = new WeakMap<Policy, Map<string, SeverityLevel>>();
function levelsOf(policy: Policy): Map<string, SeverityLevel> {
  let m = levelMaps.get(policy);
  if (!m) {
    m = new Map(policy.severityLevels.map((l) => [l.id, l]));
    levelMaps.set(policy, m);
  }
  return m;
}

function levelById(ctx: Ctx, id: string): SeverityLevel {
  const l = ctx.levels.get(id);
  if (!l) throw new RangeError(`ticket ${ctx.ticket.id}: severity "${id}" is not a level of policy "${ctx.policy.id}"`);
  return l;
}

/** The severity in effect at instant t (the creation severity before the first entry). */
function severityAt(ticket: Ticket, t: number): string {
  const h = ticket.sla.severityHistory;
  let best: { at: number; severity: string } | undefined;
  for (const e of h) if (e.at <= t && (best === undefined || e.at >= best.at)) best = e;
  return (best ?? h[0])?.severity ?? ticket.severity;
}

/**
 * Where a clock that counts from the ticket's start begins: creation, or, when the policy
 * re-targets from the change, the instant the severity in effect at `t` took effect (so raising
 * a day-old ticket to a 24x7 level does not breach it the moment it is saved).
 */
function startOf(ctx: Ctx, completedAt: number | undefined): number {
  const { ticket } = ctx;
  if (ctx.policy.retargetOnSeverityChange?.from !== 'change') return ticket.createdAt;
  const t = completedAt ?? ctx.now;
  const h = ticket.sla.severityHistory;
  const current = severityAt(ticket, t);
  let since = ticket.createdAt;
  for (let i = 0; i < h.length; i++) {
    const e = h[i] as { at: number; severity: string };
    if (e.at > t) break;
    if (e.severity === current && (i === 0 || h[i - 1]?.severity !== current)) since = e.at;
  }
  return Math.max(ticket.createdAt, since);
}

/** The level for a clock: its severity at completion, else the ticket's current severity. */
function levelFor(ctx: Ctx, completedAt: number | undefined): SeverityLevel {
  return levelById(ctx, completedAt === undefined ? ctx.ticket.severity : severityAt(ctx.ticket, completedAt));
}

function calendarOf(ctx: Ctx, id: string): BusinessCalendar {
  const cal = ctx.calendars[id];
  if (!cal) throw new RangeError(`policy "${ctx.policy.id}" uses calendar "${id}", which is not loaded`);
  return cal;
}

/** The meter a clock with this unit runs on. */
export function meterFor(unit: ClockUnit, cal: BusinessCalendar): Meter {
  return unit === 'elapsed_minutes' ? elapsedMeter : businessMeter(cal);
}

// The allowance of a working-days clock that has not started yet, as if it started now; memoised
// because a batch shares one `now` and pending RFO clocks are on most tickets.
const pendingDays = new Map<string, number>();
function pendingDaysMinutes(calId: string, cal: BusinessCalendar, days: number, now: number): number {
  const key = `${calId}|${days}|${now}`;
  let v = pendingDays.get(key);
  if (v === undefined) {
    v = businessMeter(cal).between(now, timelineOf(cal).addDays(now, days));
    if (pendingDays.size > 256) pendingDays.clear();
    pendingDays.set(key, v);
  }
  return v;
}

type Spec = { kind: ClockKind; allowance: Allowance; start: number | undefined; completedAt: number | undefined };

function evaluate(ctx: Ctx, spec: Spec): Clock {
  const { kind, allowance, completedAt } = spec;
  const { now, policy, ticket } = ctx;
  const calendarId = allowance.calendarId ?? allowance.level.calendarId ?? policy.calendarId;
  const cal = calendarOf(ctx, calendarId);
  const meter = meterFor(allowance.unit, cal);
  const severity = allowance.level.id;
  const unit = allowance.unit;
  const thresholds = policy.warningThresholds;

  if (spec.start === undefined) {
    const total = allowance.unit === 'working_days' ? pendingDaysMinutes(calendarId, cal, allowance.value, now) : allowance.value;
    return { kind, state: 'pending', severity, unit, calendarId, totalMinutes: total, elapsedMinutes: 0, remainingMinutes: total, thresholdsCrossed: [] };
  }
  const start = spec.start;
  const end = completedAt === undefined ? Math.max(now, start) : Math.max(completedAt, start);
  const pausing = policy.pauseWhileWaitingCustomer[kind] === true;
  // A deferral agreed with the customer pauses every clock but the RFO (that promise starts only when the report is asked for).
  const deferred = kind === 'rfo' ? undefined : ticket.sla.deferrals;
  const raw = deferred && deferred.length > 0 ? [...(pausing ? ticket.sla.pauses : []), ...deferred.map((d) => ({ from: d.from, to: d.until }))] : pausing ? ticket.sla.pauses : [];
  const pauses: PauseInterval[] = raw.length > 0 ? normalizePauses(raw, end, start) : [];

  let total: number;
  let target: number;
  if (allowance.unit === 'working_days') {
    const deadline = timelineOf(cal).addDays(start, allowance.value);
    total = meter.between(start, deadline);
    target = pauses.length === 0 ? deadline : addSkipping(meter, start, total, pauses);
  } else {
    total = allowance.value;
    target = pauses.length === 0 ? meter.add(start, total) : addSkipping(meter, start, total, pauses);
  }

  // Pauses lie before `end`, so only [start, end) can contain paused time.
  const remaining = end < target ? meter.between(end, target) : -betweenSkipping(meter, target, end, pauses);
  const elapsed = total - remaining;
  const crossed: number[] = [];
  for (const p of thresholds) if (elapsed + EPS >= (p * total) / 100) crossed.push(p);
  // Built as one literal (no object spread): this runs for every clock of every ticket.
  const clock: Clock = { kind, state: 'running', severity, unit, calendarId, totalMinutes: total, startedAt: start, target, elapsedMinutes: elapsed, remainingMinutes: remaining, thresholdsCrossed: crossed };

  if (completedAt !== undefined) {
    clock.completedAt = completedAt;
    clock.state = completedAt <= target ? 'met' : 'breached';
  } else if (now >= target) {
    clock.state = 'breached';
  } else if ((pausing && isPausedAt(ticket, now)) || (deferred !== undefined && deferred.some((d) => d.from <= now && now < d.until))) {
    clock.state = 'paused';
  } else {
    let p: number | undefined;
    for (const x of thresholds) {
      if (elapsed + EPS < (x * total) / 100) {
        p = x;
        break;
      }
    }
    clock.nextThreshold = p ?? 100;
    clock.nextEventAt = p === undefined ? target : meter.add(now, (p * total) / 100 - elapsed);
  }
  if (clock.state === 'breached') crossed.push(100);
  return clock;
}

function isPausedAt(ticket: Ticket, t: number): boolean {
  for (const p of ticket.sla.pauses) if (p.from <= t && (p.to === undefined || p.to > t)) return true;
  return false;
}

function targetOf(level: SeverityLevel, kind: Exclude<ClockKind, 'update_cadence'>): ClockTarget | undefined {
  return level.targets[kind];
}

function simple(ctx: Ctx, kind: Exclude<ClockKind, 'update_cadence' | 'first_response'>, start: number | undefined, completedAt: number | undefined): Clock | undefined {
  const level = levelFor(ctx, completedAt);
  const t = targetOf(level, kind);
  return t ? evaluate(ctx, { kind, allowance: { unit: t.unit, value: t.value, level, calendarId: t.calendarId }, start, completedAt }) : undefined;
}

function firstResponse(ctx: Ctx): Clock | undefined {
  const done = ctx.ticket.sla.respondedAt;
  const level = levelFor(ctx, done);
  const t = level.firstResponseByChannel[ctx.ticket.channel] ?? level.targets.first_response;
  return t ? evaluate(ctx, { kind: 'first_response', allowance: { unit: t.unit, value: t.value, level, calendarId: t.calendarId }, start: startOf(ctx, done), completedAt: done }) : undefined;
}

/** Cadence: the n-th update is due steps[n] after the previous one (or creation); it stops at resolution. */
function updateCadence(ctx: Ctx): Clock | undefined {
  const { ticket, now } = ctx;
  const done = ticket.sla.resolvedAt;
  const level = levelFor(ctx, done);
  const cadence = level.targets.update_cadence;
  if (!cadence) return undefined;
  const horizon = done ?? now;
  let last = startOf(ctx, done);
  let count = 0;
  for (const u of ticket.sla.customerUpdates) {
    if (u > horizon) continue;
    count++;
    if (u > last) last = u;
  }
  const step = cadence.steps[Math.min(count, cadence.steps.length - 1)] ?? 0;
  return evaluate(ctx, { kind: 'update_cadence', allowance: { unit: cadence.unit, value: step, level, calendarId: cadence.calendarId }, start: last, completedAt: done });
}

/**
 * On-site arrival is chained: it starts when the online window ends unresolved, or
 * when a visit is requested by hand, whichever comes first; arrival or resolution stops it.
 */
function onSite(ctx: Ctx, online: Clock | undefined): Clock | undefined {
  const { sla } = ctx.ticket;
  const automatic = online?.state === 'breached' ? online.target : undefined;
  let start: number | undefined;
  for (const x of [sla.onSiteRequestedAt, automatic]) if (x !== undefined && x <= ctx.now && (start === undefined || x < start)) start = x;
  const stop = sla.arrivedAt ?? sla.resolvedAt;
  return simple(ctx, 'on_site_arrival', start, start === undefined ? undefined : stop);
}

/** Every SLA clock the ticket's current severity level defines, derived at `now`; pure. */
export function computeClocks(ticket: Ticket, policy: Policy, now: number, calendars: CalendarLookup): Clock[] {
  if (ticket.policyId !== policy.id) throw new RangeError(`ticket ${ticket.id} follows policy "${ticket.policyId}", not "${policy.id}"`);
  const ctx: Ctx = { ticket, policy, now, calendars, levels: levelsOf(policy) };
  const { sla } = ticket;
  const online = simple(ctx, 'online_resolution', startOf(ctx, sla.resolvedAt), sla.resolvedAt);
  const all = [
    firstResponse(ctx),
    updateCadence(ctx),
    online,
    onSite(ctx, online),
    simple(ctx, 'resolution', startOf(ctx, sla.resolvedAt), sla.resolvedAt),
    simple(ctx, 'rfo', sla.rfoRequestedAt, sla.rfoRequestedAt === undefined ? undefined : sla.rfoDeliveredAt),
  ];
  const out: Clock[] = [];
  for (const c of all) if (c) out.push(c);
  return out;
}
