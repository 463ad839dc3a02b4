import type { ClockKind, WatchEntry } from '../sla/watch';
import { alertText, type AlertText } from './alert-text';

/** One OS toast; ticketId null means "open the app" (a grouped toast). */
export type Toast = { title: string; body: string; ticketId: string | null; urgent: boolean };

// Wording lives in messages.ts (one catalog per UI language); this file only decides which text.

/** The toast for a single alert: ticket id, severity and clock in the title; customer, title and time below. */
export function singleAlertToast(e: WatchEntry, text: AlertText = alertText('en')): Toast {
  const breached = e.threshold >= 100;
  const m = text.messages.single;
  const values = { ticket: e.ticketId, severity: e.label.severity, clock: text.clock(e.clock), percent: text.percent(e.threshold), customer: e.label.customer, title: e.label.title, time: text.time(e.at) };
  return {
    title: text.fill(breached ? m.titleBreached : m.titleWarning, values),
    body: text.fill(breached ? m.bodyBreached : m.bodyWarning, values),
    ticketId: e.ticketId,
    urgent: breached,
  };
}

/** One toast standing for many alerts (e.g. after a night's sleep) instead of a storm. */
export function groupedAlertToast(entries: readonly WatchEntry[], text: AlertText = alertText('en')): Toast {
  const m = text.messages.grouped;
  const breached = entries.filter((e) => e.threshold >= 100).length;
  const warnings = entries.length - breached;
  const parts = [breached ? text.plural(m.breached, breached) : '', warnings ? text.plural(m.warnings, warnings) : ''].filter(Boolean);
  const tickets = [...new Set(entries.map((e) => text.fill(m.ticket, { ticket: e.ticketId, customer: e.label.customer })))];
  const shown = tickets.slice(0, 3);
  if (tickets.length > 3) shown.push(text.plural(m.more, tickets.length - 3));
  return {
    title: text.plural(m.title, entries.length),
    body: text.fill(m.body, { parts: parts.join(m.partsSeparator), tickets: text.list(shown) }),
    ticketId: null,
    urgent: breached > 0,
  };
}

/** A short label for a clock kind, as shown in toasts (English unless a language's texts are given). */
export function clockName(kind: ClockKind, text: AlertText = alertText('en')): string {
  return text.clock(kind);
}
