// Test support for the escalation UI tests (not imported by production code).
import { ticketSchema, type Ticket } from '../../../../shared/ticket';
import type { Host } from '../../host';
import { HostError } from '../../host';
import type { IpcCall, IpcInput } from '../../../../shared/ipc';
import { afterEach } from 'vitest';
import { openDb, type ServiceDeskDb } from '../../data';
import type { Config } from '../../config/config-store';
import { installQueueKeys } from '../../data';

export const NOW = Date.UTC(2026, 2, 10, 7, 0);
const HOUR = 3_600_000;

export function makeTicket(over: Partial<Ticket> = {}): Ticket {
  const createdAt = over.createdAt ?? NOW - 6 * HOUR;
  return ticketSchema.parse({
    id: 'SD-T-0001',
    title: 'Gateway restarts under load',
    description: 'Since 09:00 the gateway restarts every few minutes.',
    channel: 'phone',
    customerId: 'cust-jade',
    productLine: 'secure-gateway',
    product: 'Gateway 7',
    region: 'apac-cjks',
    policyId: 'onsite-4-level-7x24',
    severity: '2',
    impact: 'service_affecting',
    urgency: 'high',
    priority: 'P2',
    status: 'received',
    ownerId: 'eng-alex',
    sla: { severityHistory: [{ at: createdAt, severity: over.severity ?? '2' }] },
    createdAt,
    updatedAt: createdAt,
    ...over,
  });
}

type Call = { call: IpcCall; input: unknown };

/** A host that keeps every hand-off it is given; `refuse` makes the named calls fail like a real host would. */
export function recordingHost(refuse: IpcCall[] = []): Pick<Host, 'invoke'> & { calls: Call[] } {
  const calls: Call[] = [];
  const invoke = (async <C extends IpcCall>(call: C, input: IpcInput<C>) => {
    calls.push({ call, input });
    if (refuse.includes(call)) throw new HostError('failed', `${call} refused by the test host`);
    if (call === 'draft.openEml' || call === 'calendar.openIcs') return { path: null };
    return {};
  }) as Host['invoke'];
  return { invoke, calls };
}

/**
 * Named stores with the queue keys installed (at `now`), closed and deleted after each test.
 * Opening the same name again is a restart of that store.
 */
export function tempStores(config: Config, now: number): (name: string) => ServiceDeskDb {
  const names = new Set<string>();
  let open: ServiceDeskDb[] = [];
  afterEach(async () => {
    for (const db of open) db.close();
    for (const n of names) await openDb(n).delete();
    names.clear();
    open = [];
  });
  return (name) => {
    names.add(name);
    const db = openDb(name);
    installQueueKeys(db, () => config, () => now);
    open.push(db);
    return db;
  };
}
