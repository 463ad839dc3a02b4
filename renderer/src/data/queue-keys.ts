import type { Ticket } from '../../../../shared/ticket';
import { computeClocks } from '../../../../shared/sla/clocks';
import type { Config } from '../../config/config-store';

/** Sorts after every real deadline: open tickets with no running clock (e.g. waiting for the customer). */
export const NO_DUE = 8.64e15;
/** Sorts after everything: closed tickets leave every queue's range. */
export const CLOSED = 9e15;

/**
 * Index keys stored on each local ticket row so every queue is one compound-index range
 * ([key+dueAt]) sorted by the nearest SLA target; IndexedDB cannot index undefined or booleans.
 */
export type QueueKeys = { dueAt: number; qOwner: string; qOnSite: 0 | 1; qEDown: 0 | 1; qWords: string[] };

/** The earliest deadline among the ticket's running (or running-and-breached) clocks. */
export function nearestDue(ticket: Ticket, config: Config, now: number): number {
  if (ticket.status === 'closed') return CLOSED;
  const policy = config.policies.get(ticket.policyId);
  if (!policy) return NO_DUE;
  let due = NO_DUE;
  try {
    for (const c of computeClocks(ticket, policy, now, config.calendars)) {
      if ((c.state === 'running' || c.state === 'breached') && c.completedAt === undefined && c.target !== undefined && c.target < due) due = c.target;
    }
  } catch {
    // A ticket whose policy names a missing calendar still belongs in the queue, just unsorted.
    return NO_DUE;
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

export function queueKeys(ticket: Ticket, config: Config, now: number): QueueKeys {
  const policy = config.policies.get(ticket.policyId);
  const eDownLevel = policy?.eDown?.levelId;
  return {
    dueAt: nearestDue(ticket, config, now),
    qOwner: ticket.ownerId ?? '',
    qOnSite: ticket.onSite ? 1 : 0,
    qEDown: eDownLevel !== undefined && ticket.severity === eDownLevel ? 1 : 0,
    qWords: searchTokens(ticket.id, ticket.title, ticket.product, ticket.productLine, ticket.contactName, ticket.intake['serviceId'] ?? ''),
  };
}
