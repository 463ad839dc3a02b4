// Test support for the dispatch and visits tests (not imported by production code).
import { demoCustomers, demoEngineers } from '../../../../shared/demo';
import { createVisit, type Visit, type VisitInput } from '../../../../shared/dispatch';
import { ticketSchema, type Ticket } from '../../../../shared/ticket';
import type { Mutate } from '../../app/mutations';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { openDb, runMutation, type ServiceDeskDb } from '../../data';
import { installQueueKeys } from '../../data';

export const config = buildConfig(presetPolicies, presetCalendars, 1);
/** Monday 9 March 2026, 09:00 in Shanghai: a severity-2 ticket's online window ends at 17:00 that day. */
export const CREATED = Date.UTC(2026, 2, 9, 1, 0);
/** Tuesday 10 March 2026, 10:00 in Shanghai: the online window has expired. */
export const NOW = Date.UTC(2026, 2, 10, 2, 0);
/** Thursday 12 March 2026, 17:00 in Shanghai: end of the third working day after the online window. */
export const ARRIVE_BY = Date.UTC(2026, 2, 12, 9, 0);

export function makeTicket(over: Partial<Ticket> = {}): Ticket {
  const createdAt = over.createdAt ?? CREATED;
  return ticketSchema.parse({
    id: 'SD-D-0001', title: 'Edge router reboots', channel: 'phone', customerId: 'cust-jade', productLine: 'edge-routers', product: 'ER-4400',
    region: 'apac-cjks', policyId: 'onsite-4-level-7x24', severity: '2', impact: 'service_affecting', urgency: 'high', priority: 'high',
    status: 'in_progress', contactName: 'Pat Example', contactPhone: '+86 21 5555 0100',
    sla: { severityHistory: [{ at: createdAt, severity: over.severity ?? '2' }] }, createdAt, updatedAt: createdAt, ...over,
  });
}

export function makeVisit(over: Partial<VisitInput> = {}): Visit {
  return createVisit({
    id: 'visit-x', customerId: 'cust-jade', kind: 'fault', reason: 'online_window_expired', productLine: 'edge-routers', region: 'apac-cjks',
    site: { address: 'Century Avenue 88, Shanghai', timeZone: 'Asia/Shanghai' }, status: 'unscheduled', createdAt: CREATED, updatedAt: CREATED, ...over,
  });
}

/** A real store on fake-indexeddb with the queue keys middleware (the dueAt index) and the demo directory. */
export async function openStore(name: string, tickets: Ticket[], now = NOW): Promise<{ db: ServiceDeskDb; mutate: Mutate }> {
  const db = openDb(name);
  installQueueKeys(db, () => config, () => now);
  await db.customers.bulkPut(demoCustomers);
  await db.engineers.bulkPut(demoEngineers);
  await db.tickets.bulkPut(tickets);
  const mutate: Mutate = async (n, a) => {
    try {
      const r = await runMutation(db, n, a, { now });
      return { outcome: r.outcome, ...(r.message ? { message: r.message } : {}) };
    } catch (e) {
      return { outcome: 'rejected', message: e instanceof Error ? e.message : String(e) };
    }
  };
  return { db, mutate };
}
