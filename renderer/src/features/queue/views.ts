import type { Collection, Table } from 'dexie';
import { CLOSED, NO_DUE, ticketIndex } from '../../data/queue-keys';
import { UNKNOWN_SENDER_CUSTOMER } from '../../../../shared/mail';

/** A ticket row as the queues index it (the ticket plus its derived queue keys). */
type Row = { id: string };

export type ViewContext = { me: string; now: number; soonMinutes: number };

/** A built-in queue: its name key and the index range that holds exactly its tickets, nearest deadline first. */
export type QueueView = { id: string; labelKey: string; param?: string; /** The range moves with the clock (re-read each minute). */ usesNow?: boolean; range: (t: Table<Row, string>, ctx: ViewContext) => Collection<Row, string> };

const MINUTE = 60_000;
const keyRange = (t: Table<Row, string>, index: string, key: string | number, from = -Infinity, to = CLOSED) =>
  t.where(`[${index}+dueAt]`).between([key, from], [key, to], true, false);

export const builtInViews: QueueView[] = [
  { id: 'my', labelKey: 'views.my', range: (t, c) => keyRange(t, 'qOwner', c.me) },
  { id: 'unassigned', labelKey: 'views.unassigned', range: (t) => keyRange(t, 'qOwner', '') },
  { id: 'breaching_soon', labelKey: 'views.breachingSoon', usesNow: true, range: (t, c) => t.where(ticketIndex.dueAt).between(c.now, c.now + c.soonMinutes * MINUTE, true, false) },
  { id: 'breached', labelKey: 'views.breached', usesNow: true, range: (t, c) => t.where(ticketIndex.dueAt).below(c.now) },
  { id: 'edown', labelKey: 'views.edown', range: (t) => keyRange(t, 'qEDown', 1) },
  { id: 'waiting', labelKey: 'views.waiting', range: (t) => keyRange(t, 'status', 'waiting_customer') },
  { id: 'on_site', labelKey: 'views.onSite', range: (t) => keyRange(t, 'qOnSite', 1) },
  // Mail from senders no customer claims waits here until someone files it under a customer.
  { id: 'mail_triage', labelKey: 'mail.triageView', range: (t) => keyRange(t, 'customerId', UNKNOWN_SENDER_CUSTOMER) },
  { id: 'all', labelKey: 'views.all', range: (t) => t.where(ticketIndex.dueAt).below(CLOSED) },
  { id: 'closed', labelKey: 'views.closed', range: (t) => t.where(ticketIndex.dueAt).aboveOrEqual(CLOSED) },
];

/** Views parameterised by a value, written `product:<line>`, `region:<r>`, `customer:<id>`. */
const paramViews: Record<string, { index: string; labelKey: string }> = {
  product: { index: 'productLine', labelKey: 'views.product' },
  region: { index: 'region', labelKey: 'views.region' },
  customer: { index: 'customerId', labelKey: 'views.customer' },
};

/** Resolves a view id from the URL; an unknown one is undefined (the UI says so). */
export function findView(id: string): QueueView | undefined {
  const builtIn = builtInViews.find((v) => v.id === id);
  if (builtIn) return builtIn;
  const sep = id.indexOf(':');
  const kind = paramViews[id.slice(0, sep)];
  const param = id.slice(sep + 1);
  if (sep < 0 || !kind || !param) return undefined;
  return { id, labelKey: kind.labelKey, param, range: (t) => keyRange(t, kind.index, param) };
}

export { NO_DUE, CLOSED };
