import type { Customer } from '../../../../shared/directory';
import type { FiredAlert } from '../../../../shared/ipc';
import { nextWatchList, type CalendarLookup, type PolicyLookup } from '../../../../shared/sla';
import type { ContractRows } from '../../../../shared/sla/watch-list';
import type { Ticket } from '../../../../shared/ticket';
import type { WatchEntry } from '../../../../shared/sla/watch';

export const HOUR_MS = 60 * 60_000;
/** Tickets whose nearest target is further away than this cannot alert before the next hourly refresh. */
export const WATCH_HORIZON_MS = 7 * 24 * HOUR_MS;
/** A ticket counts as at risk when its nearest target is this close (tray.setCounts). */
export const AT_RISK_MS = 120 * 60_000;

/**
 * The watch list for the tickets that can alert soon, labelled with customer name, severity
 * label and title. A ticket whose policy or calendar is missing is left out rather than
 * taking every other alert down with it.
 */
export function buildWatchList(tickets: readonly Ticket[], customers: ReadonlyMap<string, Pick<Customer, 'name'>>, policies: PolicyLookup, calendars: CalendarLookup, now: number, contracts?: ContractRows): WatchEntry[] {
  const out: WatchEntry[] = [];
  for (const ticket of tickets) {
    try {
      out.push(...nextWatchList([ticket], policies, calendars, now, (t, level) => ({ customer: customers.get(t.customerId)?.name ?? t.customerId, severity: level?.label ?? t.severity, title: t.title }), contracts));
    } catch (e) {
      console.warn(`no SLA alerts for ${ticket.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The sync mutation args that record a fired alert on its ticket's timeline. */
export function recordAlertArgs(a: FiredAlert): { ticketId: string; clock: FiredAlert['clock']; threshold: number; target: number } {
  return { ticketId: a.ticketId, clock: a.clock, threshold: a.threshold, target: a.at };
}

/** What the watch holds per ticket: its nearest target (the dueAt index key) and its watch entries. */
export type HeldWatch = { dueAt: number; entries: readonly WatchEntry[] };

/**
 * The host's watch list (every held ticket's entries, sorted by instant as buildWatchList sorts)
 * and the tray's counts: breached (nearest target passed) and at risk (due within AT_RISK_MS).
 */
export function watchFromHeld(held: Iterable<HeldWatch>, now: number): { entries: WatchEntry[]; counts: { breached: number; atRisk: number } } {
  const entries: WatchEntry[] = [];
  let breached = 0;
  let atRisk = 0;
  for (const h of held) {
    entries.push(...h.entries);
    if (h.dueAt < now) breached++;
    else if (h.dueAt < now + AT_RISK_MS) atRisk++;
  }
  return { entries: entries.sort((a, b) => a.at - b.at), counts: { breached, atRisk } };
}
