// A generated ticket's past must already hold what the app would have recorded while that past
// happened: the breach alerts the desktop timers fired and the automatic escalations the runner
// made. Without them a freshly loaded demo store records thousands of them at launch, one
// mutation each, and every read waits behind that stream.
import type { Customer, Engineer } from '../directory';
import { createFaultVisit, faultVisitId } from '../dispatch/create-visit';
import {
  ageRuleDueAt,
  dueAutomaticEscalations,
  escalatedLevelsFrom,
  escalationLevelAt,
  localizedLabel,
  pickEscalationLocale,
  resolveEscalationRecipients,
  type DueEscalation,
  type EscalationMatrix,
} from '../escalation';
import type { Policy } from '../policy/schema';
import { resolvePriorityRaise } from '../policy/priority';
import type { CalendarLookup, Clock } from '../sla/clocks';
import { ticketClocks } from '../sla/ticket-clocks';
import { nextWatchList, type ContractRows } from '../sla/watch-list';
import { escalationMatrixForTicket } from '../contract/escalation-matrix';
import type { ClockKind } from '../sla/watch';
import { autoEscalationEventId, slaAlertEventId } from '../sync/mutations/timeline-append';
import type { Ticket } from '../ticket/schema';
import type { DemoTicket } from './demo-ticket';
import { settleInternalSteps } from './settle-internal';

/** The rules the app runs on, so the generated past matches what it would have recorded. */
export type DemoRules = {
  calendars: CalendarLookup;
  /** The escalation matrices in force (the shipped presets on a fresh profile). */
  matrices: readonly EscalationMatrix[];
  /** The level names' language (default English, as a fresh profile starts). */
  language?: string;
  /** Customers, sites, assets and contracts: a ticket's contract decides its clocks and matrix, as in the app. */
  contracts?: ContractRows;
};

/** Who recorded the settled events: the timer service and the automatic runner act for no person. */
export const DEMO_SYSTEM_ACTOR = 'system';

const DONE: ReadonlySet<Ticket['status']> = new Set(['resolved', 'confirmed', 'closed']);

// The English texts of the app's catalogue (escalation.auto.*, clocks.*): the runner records the
// reason in the UI language, and a fresh profile starts in English.
const clockNames: Record<ClockKind, string> = {
  first_response: 'First response',
  update_cadence: 'Customer update',
  online_resolution: 'Online resolution',
  on_site_arrival: 'On-site arrival',
  resolution: 'Resolution',
  rfo: 'RFO report',
};

/** The reason the runner records with an automatic escalation (its English `ask`). */
export function demoEscalationReason(due: DueEscalation): string {
  const t = due.trigger;
  return t.kind === 'clock_breached' ? `${clockNames[t.clock]} clock breached` : `at severity ${t.severity} for longer than ${Math.round((t.minutes / 60) * 10) / 10} h`;
}

/** A policy naming a missing calendar gives no clocks (ticketClocks), as in the app. */
function clocksOf(ticket: Ticket, policy: Policy, now: number, calendars: CalendarLookup, contracts?: ContractRows): Clock[] {
  return ticketClocks(ticket, { policies: new Map([[policy.id, policy]]), calendars, ...contracts }, now).clocks;
}

/** When the trigger fired: the breach instant of the clock, or the ticket's age limit. */
function firedAt(due: DueEscalation, ticket: Ticket, clocks: readonly Clock[], now: number): number {
  const t = due.trigger;
  const at = t.kind === 'age' ? (ageRuleDueAt(t, ticket) ?? now) : (clocks.find((c) => c.kind === t.clock && c.state === 'breached')?.target ?? now);
  return Math.min(now, Math.max(ticket.createdAt, at));
}

/**
 * Adds to one generated ticket what the app would already have recorded by `now`: an `sla_alert`
 * event for every alert the timer service fires at once for a list built at `now` (the breaches
 * of running clocks; warnings ahead of `now` are still to come), and the automatic escalations due
 * at `now` with their level and any priority raise, exactly as the runner records them (ids from
 * slaAlertEventId / autoEscalationEventId, so the app finds them and records nothing again).
 */
export function settleDemoTicket(demo: DemoTicket, policy: Policy, rules: DemoRules, engineers: readonly Engineer[], now: number, customer?: Customer): DemoTicket {
  // The internal hand-offs first: they never move a customer clock.
  const internal = settleInternalSteps(demo.ticket, demo.events, policy, rules.calendars, rules.contracts, now);
  let ticket = internal.ticket;
  const events = [...demo.events, ...internal.events];
  const clocks = clocksOf(ticket, policy, now, rules.calendars, rules.contracts);

  // Only a running clock already past its target fires at once (warnings ahead of now wait).
  if (clocks.some((c) => c.state === 'breached' && c.completedAt === undefined)) {
    let entries: ReturnType<typeof nextWatchList> = [];
    try {
      entries = nextWatchList([ticket], new Map([[policy.id, policy]]), rules.calendars, now, undefined, rules.contracts);
    } catch {
      // The app leaves such a ticket out of the watch list (buildWatchList): nothing fires for it.
    }
    for (const e of entries) {
      if (e.at > now) continue;
      const target = e.at;
      const id = slaAlertEventId({ ticketId: ticket.id, clock: e.clock, threshold: e.threshold, target });
      events.push({ id, ticketId: ticket.id, at: target, by: DEMO_SYSTEM_ACTOR, kind: 'sla_alert', clock: e.clock, threshold: e.threshold, target });
    }
  }

  const matrix = DONE.has(ticket.status) ? undefined : escalationMatrixForTicket(rules.matrices, ticket, { policies: new Map([[policy.id, policy]]), calendars: rules.calendars, ...rules.contracts });
  if (matrix) {
    const locale = pickEscalationLocale(rules.language ?? 'en');
    let n = 0;
    for (const due of dueAutomaticEscalations(ticket, matrix, clocks, now, escalatedLevelsFrom(events))) {
      const at = firedAt(due, ticket, clocks, now);
      const r = resolveEscalationRecipients(ticket, due.level, matrix, engineers);
      const ask = demoEscalationReason(due);
      const levelName = localizedLabel(escalationLevelAt(matrix, due.level).name, locale);
      events.push({ id: autoEscalationEventId(ticket.id, due.level), ticketId: ticket.id, at, by: DEMO_SYSTEM_ACTOR, kind: 'escalated', level: due.level, levelName, recipients: [...r.to, ...r.cc], ask, automatic: true });
      ticket = { ...ticket, escalationLevel: Math.max(ticket.escalationLevel, due.level), updatedAt: Math.max(ticket.updatedAt, at) };
      // As the runner: the priority only ever rises, and only to one this ticket's policy has.
      const raiseTo = due.raisePriorityTo === undefined ? undefined : resolvePriorityRaise(policy, ticket.priority, due.raisePriorityTo);
      if (raiseTo) {
        const same = { severity: ticket.severity, impact: ticket.impact, urgency: ticket.urgency };
        events.push({ id: `${ticket.id}-x${++n}`, ticketId: ticket.id, at, by: DEMO_SYSTEM_ACTOR, kind: 'severity_changed', from: { ...same, priority: ticket.priority }, to: { ...same, priority: raiseTo }, reason: ask });
        ticket = { ...ticket, priority: raiseTo };
      }
    }
  }

  // As the app's fault-visit runner: an open ticket whose on-site arrival clock runs (its online
  // window expired, or a visit was asked for) has its unscheduled fault visit, and is on site.
  const onSite = clocks.find((c) => c.kind === 'on_site_arrival');
  if (customer && !DONE.has(ticket.status) && onSite?.startedAt !== undefined && onSite.completedAt === undefined) {
    const byHand = ticket.sla.onSiteRequestedAt !== undefined && ticket.sla.onSiteRequestedAt <= onSite.startedAt;
    const visit = createFaultVisit(ticket, customer, {
      id: faultVisitId(ticket.id),
      reason: byHand ? 'requested_by_hand' : 'online_window_expired',
      now: onSite.startedAt,
      by: DEMO_SYSTEM_ACTOR,
      ...(onSite.target !== undefined ? { arrivalDeadline: onSite.target } : {}),
    });
    return { ticket: { ...ticket, onSite: true }, events, visits: [visit] };
  }
  return { ticket, events };
}
