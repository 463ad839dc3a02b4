import type { Policy } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import type { ClockKind } from '../sla/watch';
import type { CalendarLookup, Clock } from '../sla/clocks';
import { ticketClocks } from '../sla/ticket-clocks';
import type { ContractTier } from '../policy/priority';
import { applySeverityFields, type SeverityChange } from './change';

/** One clock before and after a proposed change; absent when that side has no such clock. */
export type WhatIfClock = { kind: ClockKind; current?: Clock; proposed?: Clock };

/**
 * Each clock's current and proposed target for a severity/impact/urgency change (the UI preview);
 * changes nothing. The proposed ticket is the one saving would write (same `applySeverityFields`).
 */
export function whatIfSeverity(ticket: Ticket, change: Omit<SeverityChange, 'reason'>, policy: Policy, calendars: CalendarLookup, now: number, tier?: ContractTier): WhatIfClock[] {
  const config = { policies: new Map([[policy.id, policy]]), calendars };
  const current = ticketClocks(ticket, config, now).clocks;
  const proposed = ticketClocks(applySeverityFields(ticket, change, { policy, tier }, now), config, now).clocks;
  const kinds = [...new Set([...current, ...proposed].map((c) => c.kind))];
  return kinds.map((kind) => {
    const row: WhatIfClock = { kind };
    const c = current.find((x) => x.kind === kind);
    const p = proposed.find((x) => x.kind === kind);
    if (c) row.current = c;
    if (p) row.proposed = p;
    return row;
  });
}
