// The alerts the desktop timer service arms: one entry per future warning
// threshold and per breach of every running clock.
import type { SeverityLevel } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import { meterFor } from './clocks';
import type { CalendarLookup } from './clocks-types';
import { describeClocksProblem, ticketClocks, type PolicyLookup } from './ticket-clocks';
import type { WatchEntry } from './watch';
import type { ContractConfig } from '../contract/entitlement';

/** The customers' side of the configuration (customers, sites, assets, contracts…). */
export type ContractRows = Omit<ContractConfig, 'policies' | 'calendars'>;

export type { PolicyLookup } from './ticket-clocks';

export type WatchLabel = WatchEntry['label'];
/** Builds the notification text of a ticket; by default the customer id, the level label and the title. */
export type LabelFor = (ticket: Ticket, level: SeverityLevel | undefined) => WatchLabel;

const defaultLabel: LabelFor = (t, level) => ({ customer: t.customerId, severity: level?.label ?? t.severity, title: t.title });

/**
 * Every instant at which a running clock crosses a warning threshold (future ones only) or
 * breaches (always listed while the clock runs, even when already past, so a restarted timer
 * service can still alert once; it dedupes by watchEntryKey). Paused, pending, met and finished
 * clocks arm nothing: any fact change that could restart them calls for a new list. Sorted by `at`.
 * A ticket whose policy or calendar is missing throws a RangeError naming it (callers that watch
 * many tickets catch it per ticket, so one broken policy does not silence every other alert).
 */
export function nextWatchList(tickets: Iterable<Ticket>, policies: PolicyLookup, calendars: CalendarLookup, now: number, labels: LabelFor = defaultLabel, contracts?: ContractRows): WatchEntry[] {
  const out: WatchEntry[] = [];
  for (const ticket of tickets) {
    // The ticket's contract decides its targets, so alerts come when its own deadlines do.
    const { clocks, policy, problem } = ticketClocks(ticket, { policies, calendars, ...contracts }, now);
    if (problem?.kind === 'no_policy') throw new RangeError(`ticket ${ticket.id} follows policy "${ticket.policyId}", which is not loaded`);
    if (problem || !policy) throw new RangeError(`ticket ${ticket.id}: ${problem ? describeClocksProblem(problem) : 'no policy'}`);
    let label: WatchLabel | undefined;
    for (const c of clocks) {
      const running = c.completedAt === undefined && c.startedAt !== undefined && (c.state === 'running' || c.state === 'breached');
      if (!running || c.target === undefined) continue;
      if (label === undefined) {
        let level: SeverityLevel | undefined;
        for (const l of policy.severityLevels) if (l.id === ticket.severity) level = l;
        label = labels(ticket, level);
      }
      if (c.state === 'running') {
        const cal = calendars[c.calendarId];
        for (const p of policy.warningThresholds) {
          const due = (p * c.totalMinutes) / 100;
          if (due <= c.elapsedMinutes || !cal) continue;
          const at = p === c.nextThreshold && c.nextEventAt !== undefined ? c.nextEventAt : meterFor(c.unit, cal).add(now, due - c.elapsedMinutes);
          out.push({ ticketId: ticket.id, clock: c.kind, threshold: p, at, label });
        }
      }
      out.push({ ticketId: ticket.id, clock: c.kind, threshold: 100, at: c.target, label });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
