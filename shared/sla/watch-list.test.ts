import { describe, expect, it } from 'vitest';
import { nextWatchList } from './watch-list';
import { watchEntrySchema } from './watch';
import { MON_0900, makeTicket, testCalendars, testPolicy } from './clocks-fixtures.test-support';

const policy = testPolicy();
const at = (d: number, h: number, m = 0): number => Date.UTC(2026, 2, d, h, m);
const policies = new Map([[policy.id, policy]]);

describe('nextWatchList', () => {
  it('lists every future warning and breach of running clocks, sorted by time, with a label', () => {
    const t = makeTicket({ severity: '3' });
    const list = nextWatchList([t], policies, testCalendars, at(2, 9, 30));
    const fr = list.filter((e) => e.clock === 'first_response').map((e) => [e.threshold, e.at]);
    expect(fr).toEqual([
      [50, at(2, 13)],
      [75, at(2, 15)],
      [100, at(2, 17)],
    ]);
    expect(list.map((e) => e.at)).toEqual([...list.map((e) => e.at)].sort((a, b) => a - b));
    for (const e of list) expect(watchEntrySchema.parse(e)).toEqual(e);
    expect(list[0]?.label).toEqual({ customer: 'cust-1', severity: 'Severity 3', title: 'Core router drops traffic' });
  });

  it('leaves out crossed warnings but keeps the breach of a running clock that is already late', () => {
    const t = makeTicket({ severity: '3' });
    const list = nextWatchList([t], { test: policy }, testCalendars, at(3, 9)).filter((e) => e.clock === 'first_response');
    expect(list).toEqual([expect.objectContaining({ threshold: 100, at: at(2, 17) })]);
  });

  it('arms nothing for met, paused or pending clocks', () => {
    const t = makeTicket({ status: 'waiting_customer', sla: { respondedAt: MON_0900 + 60_000, pauses: [{ from: at(2, 10) }], customerUpdates: [at(2, 9, 5)] } });
    const kinds = new Set(nextWatchList([t], policies, testCalendars, at(2, 10, 30)).map((e) => e.clock));
    expect(kinds.has('first_response')).toBe(false); // met
    expect(kinds.has('online_resolution')).toBe(false); // paused
    expect(kinds.has('resolution')).toBe(false); // paused
    expect(kinds.has('on_site_arrival')).toBe(false); // pending
    expect(kinds.has('rfo')).toBe(false); // pending
    expect(kinds.has('update_cadence')).toBe(true); // this policy does not pause it
  });

  it('uses the caller-supplied label and rejects a ticket whose policy is not loaded', () => {
    const t = makeTicket();
    const list = nextWatchList([t], policies, testCalendars, MON_0900, () => ({ customer: 'Example Bank', severity: 'S1', title: 'x' }));
    expect(list[0]?.label.customer).toBe('Example Bank');
    expect(() => nextWatchList([makeTicket({ policyId: 'gone' })], policies, testCalendars, MON_0900)).toThrow(/policy "gone", which is not loaded/);
  });
});
