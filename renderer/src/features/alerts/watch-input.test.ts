import { describe, expect, it } from 'vitest';
import { demoCustomers } from '../../../../shared/demo/catalogue';
import { generateDemoData } from '../../../../shared/demo/generate';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { buildWatchList, recordAlertArgs } from './watch-input';

const now = Date.UTC(2026, 2, 3, 9, 0);
const config = buildConfig(presetPolicies, presetCalendars, 0);
const { tickets } = generateDemoData({ tickets: 60, now, policies: config.policies });
const customers = new Map(demoCustomers.map((c) => [c.id, c]));

describe('watch list input', () => {
  it('labels every entry with the customer name, the severity label and the title, sorted by instant', () => {
    const entries = buildWatchList(tickets, customers, config.policies, config.calendars, now);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => a - b));
    for (const e of entries.slice(0, 10)) {
      const ticket = tickets.find((t) => t.id === e.ticketId);
      expect(e.label.customer).toBe(customers.get(ticket?.customerId ?? '')?.name);
      expect(e.label.title).toBe(ticket?.title);
      const level = config.policies.get(ticket?.policyId ?? '')?.severityLevels.find((l) => l.id === ticket?.severity);
      expect(e.label.severity).toBe(level?.label);
    }
  });

  it('leaves out a ticket whose policy is not loaded instead of failing the whole list', () => {
    const [first, ...rest] = tickets;
    if (!first) throw new Error('demo data has no tickets');
    const broken = { ...first, id: 'SD-BROKEN-0001', policyId: 'no-such-policy' };
    const entries = buildWatchList([broken, ...rest], customers, config.policies, config.calendars, now);
    expect(entries.some((e) => e.ticketId === 'SD-BROKEN-0001')).toBe(false);
    expect(entries).toEqual(buildWatchList(rest, customers, config.policies, config.calendars, now));
  });

  it('records a fired alert with its target instant', () => {
    expect(recordAlertArgs({ ticketId: 'SD-A-0001', clock: 'resolution', threshold: 75, at: 123, firedAt: 456, notified: false })).toEqual({ ticketId: 'SD-A-0001', clock: 'resolution', threshold: 75, target: 123 });
  });
});
