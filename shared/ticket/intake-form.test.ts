import { describe, expect, it } from 'vitest';
import policyJson from '../../resources/presets/policies/network-impact-rfo.json';
import edownJson from '../../resources/presets/policies/enterprise-edown.json';
import { parsePolicy } from '../policy/levels';
import { intakeFormSchema, ticketFromIntake, type IntakeForm } from './intake-form';
import { ticketSchema } from './schema';
import { demoCustomers } from '../demo/catalogue';

const policy = parsePolicy(policyJson);
const now = Date.UTC(2026, 10, 21, 9, 0);
const blank: IntakeForm = {
  customerId: 'cust-balkan', channel: 'phone', title: 'Uplink down', description: '', contactName: '', contactEmail: '', contactPhone: '',
  productLine: 'edge-routers', product: 'ER-4400', productVersion: '', severity: policy.severityLevels[0]?.id ?? '1', impact: 'service_affecting', urgency: 'high',
  company: '', contractNumber: '', productSerial: '', patchLevel: '', operatingSystem: '', configuration: '', database: '', serviceId: '',
  problemStartedAt: '', circuitId: '', intermittent: '', logs: '', ipAddress: '',
  siteId: '', assetId: '', severityOverrideReason: '',
  eDownReason: '', eDownUsersTotal: '', eDownUsersAffected: '', eDownSince: '', eDownActionsTaken: '', eDownTechnicalContact: '',
};
const errorsOf = (r: ReturnType<ReturnType<typeof intakeFormSchema>['safeParse']>) => (r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message])));

describe('intake form', () => {
  it('names every field the customer’s policy requires', () => {
    const errors = errorsOf(intakeFormSchema(policy, now).safeParse(blank));
    for (const f of policy.requiredIntakeFields.filter((f) => f !== 'impact')) expect(errors[f], f).toBe('required by this customer’s policy');
  });

  it('rejects malformed contact, address and time values with a message per field', () => {
    const errors = errorsOf(intakeFormSchema(policy, now).safeParse({ ...blank, contactEmail: 'not-mail', ipAddress: '300.1.1.1', problemStartedAt: '2030-01-01T00:00' }));
    expect(errors.contactEmail).toBe('not an e-mail address');
    expect(errors.ipAddress).toBe('not an IP address');
    expect(errors.problemStartedAt).toBe('the problem cannot start in the future');
  });

  it('never offers E-Down at creation when the customer’s terms are not known', () => {
    const edown = parsePolicy(edownJson);
    const errors = errorsOf(intakeFormSchema(edown, now).safeParse({ ...blank, severity: edown.eDown?.levelId ?? 'edown' }));
    expect(errors.severity).toMatch(/E-Down cannot be chosen/);
  });

  it('builds a valid ticket whose clocks start at creation and whose priority comes from the policy', () => {
    const form = { ...blank, contactName: 'Pat', contactEmail: 'pat@example.org', serviceId: 'SVC-1', problemStartedAt: '2026-11-21T08:00', description: 'Down since 08:00', ipAddress: '10.0.0.1' };
    expect(intakeFormSchema(policy, now).safeParse(form).success).toBe(true);
    const customer = demoCustomers.find((c) => c.id === 'cust-balkan');
    if (!customer) throw new Error('demo customer missing');
    const ticket = ticketFromIntake(form, { id: 'SD-ABC123-0001', now, by: 'eng-alex', policy, customer });
    expect(ticketSchema.parse(ticket)).toEqual(ticket);
    expect(ticket.sla.severityHistory).toEqual([{ at: now, severity: form.severity }]);
    expect(ticket.intake).toEqual({ serviceId: 'SVC-1', problemStartedAt: '2026-11-21T08:00', ipAddress: '10.0.0.1' });
    expect(policy.priorities.map((p) => p.id)).toContain(ticket.priority);
  });
});
