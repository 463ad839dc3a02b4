import { describe, expect, it } from 'vitest';
import { createServiceVisit } from './create-visit';
import { applyVisitAction } from './visit-workflow';
import type { Visit } from './visit-schema';

const T0 = Date.UTC(2026, 2, 10, 2, 0);
const MINUTE = 60_000;

function install(): Visit {
  return createServiceVisit({ id: 'visit-installation-1', kind: 'installation', customerId: 'cust-1', contractId: 'contract-1', site: { address: 'Example Avenue 88', timeZone: 'Asia/Shanghai' }, region: 'apac', productLine: 'edge-routers', now: T0, by: 'eng-sam' });
}

describe('installation and training visits', () => {
  it('are unscheduled, carry their kind as the reason and the contract, and have no arrival deadline', () => {
    const v = install();
    expect(v).toMatchObject({ kind: 'installation', reason: 'installation', status: 'unscheduled', contractId: 'contract-1', region: 'apac' });
    expect(v.arrivalDeadline).toBeUndefined();
    expect(v.ticketId).toBeUndefined();
  });
  it('are booked, recorded and reported like a fault visit, and cannot be submitted without a report', () => {
    let v = install();
    const step = (a: Parameters<typeof applyVisitAction>[1], at: number, by = 'eng-kai') => (v = applyVisitAction(v, a, at, by).visit);
    step({ type: 'schedule', engineerId: 'eng-kai', window: { start: T0 + 1440 * MINUTE, end: T0 + 1680 * MINUTE } }, T0, 'eng-sam');
    step({ type: 'arrive' }, T0 + 1440 * MINUTE);
    step({ type: 'depart' }, T0 + 1600 * MINUTE);
    expect(() => applyVisitAction(v, { type: 'submit' }, T0 + 1601 * MINUTE, 'eng-kai')).toThrow(/visit report/);
    step({ type: 'report', found: 'Rack space ready', done: 'Installed and commissioned two routers', followUp: '' }, T0 + 1602 * MINUTE);
    step({ type: 'submit' }, T0 + 1603 * MINUTE);
    expect(v.status).toBe('completed');
    expect(v.report?.done).toBe('Installed and commissioned two routers');
  });
  it('refuses a training visit without a valid site zone', () => {
    expect(() => createServiceVisit({ id: 'x', kind: 'training', customerId: 'c', site: { address: '', timeZone: 'Mars/Base' }, now: T0, by: 'u' })).toThrow(/time zone/);
  });
});
