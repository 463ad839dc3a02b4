// The invariant "a more severe ticket is never due later than a less severe one", checked by
// computing real deadlines: units (working days, business or elapsed minutes) and per-level
// calendars cannot be compared by their numbers alone.
import type { Policy } from '../policy/schema';
import { ticketClocks, type DeskConfig } from '../sla/ticket-clocks';
import type { ClockKind } from '../sla/watch';
import { rowsOf } from './lookup';
import { intakeChannels, type Ticket } from '../ticket/schema';

/** Clocks that start when the ticket is logged, so levels can be compared from the same instant. */
const comparedKinds: readonly ClockKind[] = ['first_response', 'online_resolution', 'resolution'];

export type SeverityOrderViolation = { channel: Ticket['channel']; kind: ClockKind; higher: string; lower: string; at: number; higherDue: number; lowerDue: number };

function probeTicket(policy: Policy, customerId: string, severity: string, channel: Ticket['channel'], at: number): Ticket {
  return {
    id: 'SD-PROBE', title: 'probe', description: '', channel, customerId, contactName: '', contactEmail: '', contactPhone: '', productLine: 'probe', product: 'probe', productVersion: '',
    region: 'probe', policyId: policy.id, severity, impact: 'service_affecting', urgency: 'high', priority: policy.priorities[0]?.id ?? 'p', status: 'received', escalationLevel: 0, onSite: false,
    intake: {}, sla: { severityHistory: [{ at, severity }], pauses: [], customerUpdates: [] }, createdAt: at, updatedAt: at, createdBy: '',
  };
}

/**
 * Every pair of adjacent levels where the more severe one is due later, for tickets logged at each
 * probe instant on each channel (for `customerId`'s terms when given, else the policy's own).
 */
export function severityOrderViolations(policy: Policy, config: DeskConfig, probes: readonly number[], customerId = ''): SeverityOrderViolation[] {
  const out: SeverityOrderViolation[] = [];
  // The policy being checked (e.g. an admin's unsaved edit) stands in for the stored one.
  const checked: DeskConfig = { ...config, policies: new Map([...rowsOf(config.policies).map((p): [string, Policy] => [p.id, p]), [policy.id, policy]]) };
  const levels = policy.severityLevels.map((l) => l.id);
  for (const channel of intakeChannels) {
    for (const at of probes) {
      const due = levels.map((severity) => ticketClocks(probeTicket(policy, customerId, severity, channel, at), checked, at).clocks);
      for (let i = 0; i + 1 < levels.length; i++) {
        for (const kind of comparedKinds) {
          const a = due[i]?.find((c) => c.kind === kind)?.target;
          const b = due[i + 1]?.find((c) => c.kind === kind)?.target;
          if (a !== undefined && b !== undefined && a > b) out.push({ channel, kind, higher: levels[i] ?? '', lower: levels[i + 1] ?? '', at, higherDue: a, lowerDue: b });
        }
      }
    }
  }
  return out;
}

/** Probe instants every 3 hours over two weeks from `from`: every weekday, weekend and hour band. */
export function weekProbes(from: number): number[] {
  return Array.from({ length: 112 }, (_, i) => from + i * 3 * 3_600_000 + 17 * 60_000);
}

/** The first violation in words, for the admin who is saving the policy. */
export function describeSeverityOrder(v: SeverityOrderViolation): string {
  return `severity "${v.higher}" would be due after the less severe "${v.lower}" (${v.kind.replace('_', ' ')} via ${v.channel}, for a ticket logged at ${new Date(v.at).toISOString().slice(0, 16)}Z); a more severe ticket must never be due later`;
}
