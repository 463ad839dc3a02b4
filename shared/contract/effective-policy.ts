// Turns a vendor's generic policy into the terms of one ticket: the contract's coverage rules put
// its own hours (read in the site's time zone) and targets in place of the policy's. The result is
// an ordinary Policy, so the clock engine needs no knowledge of contracts.
import type { ClockKind } from '../sla/watch';
import type { BusinessCalendar } from '../sla/calendar-types';
import type { CalendarLookup } from '../sla/clocks-types';
import type { LevelTargets, Policy, SeverityLevel } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import type { Contract, CoverageRule } from './schema';

type Channel = Ticket['channel'];

const shifted = new WeakMap<BusinessCalendar, Map<string, BusinessCalendar>>();

/** The same opening hours and dates, read in another zone (one object per pair, so timelines stay cached). */
function inZone(cal: BusinessCalendar, zone: string): BusinessCalendar {
  let byZone = shifted.get(cal);
  if (!byZone) shifted.set(cal, (byZone = new Map()));
  let c = byZone.get(zone);
  if (!c) byZone.set(zone, (c = { ...cal, timeZone: zone }));
  return c;
}

/** Calendars a ticket's clocks may use: the configured ones plus zone-shifted copies under "id@zone". */
export class TermsCalendars {
  private readonly extra = new Map<string, BusinessCalendar>();
  constructor(private readonly base: CalendarLookup) {}

  /** The id to give the clocks for this calendar read in `zone` (undefined: the calendar's own zone). */
  use(id: string, zone: string | undefined): string {
    const cal = this.base[id];
    if (!cal || zone === undefined || cal.timeZone === zone) return id;
    const key = `${id}@${zone}`;
    this.extra.set(key, inZone(cal, zone));
    return key;
  }

  lookup(): CalendarLookup {
    if (this.extra.size === 0) return this.base;
    return { ...this.base, ...Object.fromEntries(this.extra) };
  }
}

/** The calendar id a clock names, without the zone a contract read it in ("us-federal@America/Chicago" -> "us-federal"). */
export function baseCalendarId(id: string): string {
  const at = id.indexOf('@');
  return at < 0 ? id : id.slice(0, at);
}

function matches(rule: CoverageRule, channel: Channel, levelId: string): boolean {
  return (rule.channels.length === 0 || rule.channels.includes(channel)) && (rule.severities.length === 0 || rule.severities.includes(levelId));
}

function withoutKinds(targets: LevelTargets, kinds: ClockKind[]): LevelTargets {
  const out: LevelTargets = { ...targets };
  for (const k of kinds) delete out[k];
  return out;
}

function applyRules(level: SeverityLevel, rules: CoverageRule[], channel: Channel, cals: TermsCalendars, zone: string | undefined): SeverityLevel {
  let l: SeverityLevel = level;
  for (const r of rules) {
    l = { ...l, targets: { ...l.targets, ...r.targets } };
    if (r.calendarId !== undefined) l.calendarId = cals.use(r.calendarId, r.zone === 'site' ? zone : undefined);
    // The contract's first-response promise for this channel replaces the policy's channel rule.
    if (r.targets.first_response && l.firstResponseByChannel[channel]) {
      const byChannel = { ...l.firstResponseByChannel };
      delete byChannel[channel];
      l.firstResponseByChannel = byChannel;
    }
  }
  return l;
}

export type ContractTerms = { policy: Policy; alsoPromised?: Policy };

/** The policy as the contract changes it for a ticket on `channel`; `alsoPromised` carries the "earliest of" promises. */
export function contractTerms(policy: Policy, contract: Contract, channel: Channel, cals: TermsCalendars, base: { calendarId: string; zone: string | undefined }): ContractTerms {
  const dropped: ClockKind[] = [];
  if (!contract.onSite.included) dropped.push('on_site_arrival');
  if (!contract.rfoEligible) dropped.push('rfo');
  const levels = policy.severityLevels.map((level) => {
    const replace = contract.coverage.filter((r) => r.combine === 'replace' && matches(r, channel, level.id));
    const l = applyRules(level, replace, channel, cals, base.zone);
    return dropped.length > 0 ? { ...l, targets: withoutKinds(l.targets, dropped) } : l;
  });
  const eDown = policy.eDown && !contract.eDownEligible ? { ...policy.eDown, enabled: false } : policy.eDown;
  const main: Policy = { ...policy, calendarId: cals.use(base.calendarId, base.zone), severityLevels: levels, ...(eDown ? { eDown } : {}) };
  const earliest = contract.coverage.filter((r) => r.combine === 'earliest' && (r.channels.length === 0 || r.channels.includes(channel)));
  if (earliest.length === 0) return { policy: main };
  const also: Policy = {
    ...main,
    severityLevels: main.severityLevels.map((level) => applyRules(level, earliest.filter((r) => matches(r, channel, level.id)), channel, cals, base.zone)),
  };
  return { policy: main, alsoPromised: also };
}

/** The policy's non-contract terms: only a first response, on the base calendar, no E-Down. */
export function nonContractTerms(policy: Policy, cals: TermsCalendars, base: { calendarId: string; zone: string | undefined }): Policy | undefined {
  const terms = policy.nonContractTerms;
  if (!terms) return undefined;
  const levels = policy.severityLevels.map((level): SeverityLevel => {
    const l: SeverityLevel = { ...level, targets: { first_response: terms.first_response }, firstResponseByChannel: {} };
    delete l.calendarId;
    return l;
  });
  const eDown = policy.eDown ? { ...policy.eDown, enabled: false } : undefined;
  return { ...policy, calendarId: cals.use(base.calendarId, base.zone), severityLevels: levels, ...(eDown ? { eDown } : {}) };
}
