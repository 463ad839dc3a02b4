import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../../../shared/config/preset-config';
import { ticketSchema, type Ticket } from '../../../../shared/ticket';
import { checkTicket } from './turn-alerts';

const preset = presetConfig();
const config = { policies: new Map(Object.entries(preset.policies)), calendars: preset.calendars };
const MIN = 60_000;
// Tue 10 Mar 2026, 10:00 in Shanghai: the on-site policy's calendar is open.
const T0 = Date.UTC(2026, 2, 10, 2, 0);

const ticket = (over: Partial<Ticket> = {}): Ticket =>
  ticketSchema.parse({
    id: 'SD-T-1', title: 'Vault replication lag', channel: 'phone', customerId: 'c1', productLine: 'data-vault', product: 'Vault DB 12', region: 'apac-cjks',
    policyId: 'onsite-4-level-7x24', severity: '2', impact: 'degradation', urgency: 'high', priority: 'high', status: 'received',
    sla: { severityHistory: [{ at: T0, severity: '2' }] }, createdAt: T0, updatedAt: T0, createdBy: 'eng-mei', ...over,
  });

describe('alerts for the person whose turn it is', () => {
  it('warns the receptionist before the 5 minutes run out and again at the breach; nobody else is alerted', () => {
    expect(checkTicket(ticket(), config, 'eng-mei', T0 + 2 * MIN)?.alerts).toEqual([]);
    expect(checkTicket(ticket(), config, 'eng-mei', T0 + 4 * MIN)?.alerts.map((a) => a.kind)).toEqual(['due_soon']);
    expect(checkTicket(ticket(), config, 'eng-mei', T0 + 6 * MIN)?.alerts.map((a) => a.kind)).toEqual(['breached']);
    expect(checkTicket(ticket(), config, 'eng-kai', T0 + 6 * MIN)?.alerts).toEqual([]);
  });

  it('the person the hand-off named is alerted next, and the engineer\'s no-progress escalation is flagged once due', () => {
    const handed = ticket({ internalFacts: [{ step: 'reception_to_specialist', mark: 'done', at: T0 + MIN, by: 'eng-mei', to: 'eng-kai' }] });
    expect(checkTicket(handed, config, 'eng-kai', T0 + 7 * MIN)?.alerts.map((a) => a.kind)).toEqual(['breached']);
    const engineer = ticket({ internalFacts: [...(handed.internalFacts ?? []), { step: 'specialist_to_manager', mark: 'done', at: T0 + 2 * MIN, by: 'eng-kai' }] });
    expect(checkTicket(engineer, config, 'eng-kai', T0 + 20 * MIN)?.escalationMaybeDue).toBe(false);
    expect(checkTicket(engineer, config, 'eng-kai', T0 + 33 * MIN)?.escalationMaybeDue).toBe(true);
  });

  it('prompts the interim report once the working day it was scheduled for is over', () => {
    const t = ticket({ ownerId: 'eng-kai', internalFacts: [{ step: 'interim_report', mark: 'interim_scheduled', at: T0 + 60 * MIN, by: 'eng-kai' }] });
    expect(checkTicket(t, config, 'eng-kai', T0 + 59 * MIN)?.alerts.some((a) => a.kind === 'interim_due')).toBe(false);
    expect(checkTicket(t, config, 'eng-kai', T0 + 61 * MIN)?.alerts.some((a) => a.kind === 'interim_due')).toBe(true);
  });

  it('a ticket under a policy without internal steps gives nothing', () => {
    expect(checkTicket(ticket({ policyId: 'business-hours-3-severity', severity: '2' }), config, 'eng-mei', T0 + 6 * MIN)).toBeUndefined();
  });
});
