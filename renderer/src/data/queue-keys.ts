// What every queue, count and alert reads: the keys derived onto each stored ticket row and the
// names of the indexes over them. They live in the data layer (not in a screen) because the
// queues, the SLA watch, escalation, dispatch and config changes all read the same facts.
import type { Ticket } from '../../../shared/ticket';
import { policyOf, ticketClocks, type DeskConfig } from '../../../shared/sla';

/** Sorts after every real deadline: open tickets with no running clock (e.g. waiting for the customer). */
export const NO_DUE = 8.64e15;
/** Sorts after everything: closed tickets leave every queue's range. */
export const CLOSED = 9e15;

/**
 * Index keys stored on each local ticket row so every queue is one compound-index range
 * ([key+dueAt]) sorted by the nearest SLA target; IndexedDB cannot index undefined or booleans.
 */
export type QueueKeys = { dueAt: number; qOwner: string; qOnSite: 0 | 1; qEDown: 0 | 1; qWords: string[] };

/** The fields queueKeys derives; not data (a backup leaves them out, an import derives them again). */
export const queueKeyFields = { tickets: ['dueAt', 'qOwner', 'qOnSite', 'qEDown', 'qWords'], timeline: ['qWords'] } as const;

/**
 * The indexes of the tickets table the screens read by name: each queue is one range of a
 * [key+dueAt] compound index, sorted by the nearest SLA target. The store's schema declares them.
 */
export const ticketIndex = {
  dueAt: 'dueAt',
  /** dueAt then id: pages of a dueAt range that never split or repeat a tie (background reads). */
  dueAtId: '[dueAt+id]',
  words: 'qWords',
  severity: 'severity',
  statusDue: '[status+dueAt]',
  productLineDue: '[productLine+dueAt]',
  regionDue: '[region+dueAt]',
  customerDue: '[customerId+dueAt]',
  ownerDue: '[qOwner+dueAt]',
  eDownDue: '[qEDown+dueAt]',
  onSiteDue: '[qOnSite+dueAt]',
} as const;
export type TicketIndex = (typeof ticketIndex)[keyof typeof ticketIndex];

/**
 * The earliest deadline among the ticket's running (or running-and-breached) clocks. A ticket
 * whose policy or calendar is missing has no clocks (ticketClocks): it still belongs in the
 * queues, after every ticket with a deadline.
 */
export function nearestDue(ticket: Ticket, config: DeskConfig, now: number): number {
  if (ticket.status === 'closed') return CLOSED;
  let due = NO_DUE;
  for (const c of ticketClocks(ticket, config, now).clocks) {
    if ((c.state === 'running' || c.state === 'breached') && c.completedAt === undefined && c.target !== undefined && c.target < due) due = c.target;
  }
  return due;
}

/** Lower-case search tokens: words, plus character bigrams for CJK text that has no spaces. */
export function searchTokens(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) {
      if (!word) continue;
      if (/\p{Script=Han}/u.test(word)) {
        const chars = [...word];
        chars.forEach((ch, i) => {
          out.add(ch);
          if (i + 1 < chars.length) out.add(ch + chars[i + 1]);
        });
      } else {
        out.add(word);
        for (const part of word.split('-')) if (part) out.add(part);
      }
    }
  }
  return [...out];
}

export function queueKeys(ticket: Ticket, config: DeskConfig, now: number): QueueKeys {
  const policy = policyOf(config.policies, ticket.policyId);
  const eDownLevel = policy?.eDown?.levelId;
  return {
    dueAt: nearestDue(ticket, config, now),
    qOwner: ticket.ownerId ?? '',
    qOnSite: ticket.onSite ? 1 : 0,
    qEDown: eDownLevel !== undefined && ticket.severity === eDownLevel ? 1 : 0,
    qWords: searchTokens(ticket.id, ticket.title, ticket.product, ticket.productLine, ticket.contactName, ticket.intake['serviceId'] ?? ''),
  };
}
