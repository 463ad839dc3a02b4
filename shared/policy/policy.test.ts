import { describe, expect, it } from 'vitest';
import { parsePolicy, policyCalendarIds } from './index';
import { missingIntakeFields } from './intake';
import { makeTicket, testPolicyInput } from '../sla/clocks-fixtures.test-support';

describe('policy schema', () => {
  it('accepts a complete policy and lists every calendar it refers to', () => {
    const p = parsePolicy(testPolicyInput());
    expect(policyCalendarIds(p).sort()).toEqual(['always', 'office']);
  });

  it('names every structural problem: duplicate levels, aboveTop not first, E-Down level, unknown priorities, threshold order', () => {
    const input = testPolicyInput();
    const levels = input.severityLevels;
    const bad = {
      ...input,
      severityLevels: [levels[1], levels[0], levels[1]],
      warningThresholds: [75, 50],
      defaultPriorityByTier: { '7x24_hotline': 'p9' },
    };
    let message = '';
    try {
      parsePolicy(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/duplicate severity level id "1"/);
    expect(message).toMatch(/aboveTop level "edown" must be listed first/);
    expect(message).toMatch(/strictly ascending/);
    expect(message).toMatch(/defaultPriorityByTier\.7x24_hotline: unknown priority "p9"/);
  });

  it('rejects numbers that make no sense as clock targets', () => {
    const input = testPolicyInput();
    const [first, ...rest] = input.severityLevels;
    const broken = { ...input, severityLevels: [{ ...first, targets: { first_response: { unit: 'working_days', value: 1.5 } } }, ...rest] };
    expect(() => parsePolicy(broken)).toThrow(/whole number of days/);
    const negative = { ...input, severityLevels: [{ ...first, targets: { resolution: { unit: 'business_minutes', value: -5 } } }, ...rest] };
    expect(() => parsePolicy(negative)).toThrow(/severityLevels\.0\.targets\.resolution\.value/);
  });

  it('an aboveTop level needs an E-Down rule', () => {
    const { eDown: _none, ...input } = testPolicyInput();
    expect(() => parsePolicy(input)).toThrow(/aboveTop level needs an eDown rule/);
  });
});

describe('missingIntakeFields', () => {
  it('lists the required intake fields that are still empty, wherever the ticket keeps them', () => {
    const p = parsePolicy({ ...testPolicyInput(), requiredIntakeFields: ['contactName', 'serviceId', 'problemStartedAt', 'productVersion'] });
    const t = makeTicket({ contactName: 'Ana Example', intake: { serviceId: 'SRV-100', problemStartedAt: ' ' } });
    expect(missingIntakeFields(t, p)).toEqual(['problemStartedAt', 'productVersion']);
  });
});
