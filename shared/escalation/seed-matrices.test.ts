// Named scenarios for the escalation matrices the app ships, one per support policy text: which
// level comes next, who receives the escalation mail, and (for the ladder by ticket age) when
// each level fires, counted from when the ticket's current severity took effect.
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { escalationMatrixForTicket } from '../contract/escalation-matrix';
import { demoEngineers } from '../demo/catalogue';
import { ticketSchema, type Ticket } from '../ticket/schema';
import { dueAutomaticEscalations } from './auto';
import { escalationLevelAt, localizedLabel, nextEscalationLevel } from './levels';
import { resolveEscalationRecipients } from './recipients';
import type { ClockStateLike, EscalationMatrix } from './schema';

const config = presetConfig();
const matrices = Object.values(config.escalationMatrices);
const MIN = 60_000;
const T0 = Date.UTC(2026, 5, 2, 7, 0);

function ticketOf(customerId: string, policyId: string, over: Partial<Ticket> = {}): Ticket {
  const severity = over.severity ?? '2';
  const createdAt = over.createdAt ?? T0;
  return ticketSchema.parse({
    id: 'SD-ESC-0001', title: 'Service down', channel: 'phone', customerId, productLine: 'data-vault', product: 'Vault DB 12', region: 'north-america', policyId,
    impact: 'service_affecting', urgency: 'high', priority: 'P2', status: 'in_progress', ownerId: 'eng-ivan', updatedAt: createdAt,
    ...over, severity, createdAt, sla: over.sla ?? { severityHistory: [{ at: createdAt, severity }], pauses: [], customerUpdates: [] },
  });
}

const matrixFor = (t: Ticket): EscalationMatrix => {
  const m = escalationMatrixForTicket(matrices, t, config);
  if (!m) throw new Error(`no matrix for ${t.id}`);
  return m;
};
const emailOf = (id: string): string => demoEngineers.find((e) => e.id === id)?.email ?? `missing ${id}`;
const breached: ClockStateLike[] = [{ kind: 'first_response', state: 'breached' }, { kind: 'resolution', state: 'breached' }];

describe('the customer\'s portal request, then product manager, regional lead and vice-president (business-hours policy)', () => {
  const ticket = ticketOf('cust-lumen', 'business-hours-3-severity');
  const matrix = matrixFor(ticket);

  it('"通过支持门户在工单下添加留言，要求上报工单", then three steps: the contract names this matrix and it has exactly those four levels in that order', () => {
    expect(config.contracts['contract-c-1002']?.escalationMatrixId).toBe(matrix.id);
    expect(matrix.levels.map((l) => l.kind)).toEqual(['customer_comment', 'by_product_line', 'by_region', 'by_area']);
    expect(localizedLabel(escalationLevelAt(matrix, 2).name, 'zh-CN')).toBe('产品经理');
  });

  it('"根据以下列表将需要上报的工单提给负责相关产品的产品经理": after the customer\'s request the next level is the product manager of the ticket\'s product line, then its region\'s lead, then the vice-president of its area', () => {
    expect(nextEscalationLevel(ticket, matrix)).toBe(1);
    expect(resolveEscalationRecipients(ticket, 1, matrix, demoEngineers).missing?.reason).toBe('customer_step');
    expect(nextEscalationLevel({ escalationLevel: 1 }, matrix)).toBe(2);
    const pm = resolveEscalationRecipients(ticket, 2, matrix, demoEngineers);
    expect([...pm.to, ...pm.cc]).toEqual(expect.arrayContaining(['data-vault-escalation@example.com', 'helen.kowalski@example.com']));
    expect(resolveEscalationRecipients(ticket, 3, matrix, demoEngineers).to).toContain('avery.collins@example.com');
    expect(resolveEscalationRecipients(ticket, 4, matrix, demoEngineers).to).toContain('miriam.holt@example.com');
    const content = ticketOf('cust-lumen', 'business-hours-3-severity', { productLine: 'content-operations' });
    expect(resolveEscalationRecipients(content, 4, matrix, demoEngineers).to).toContain('victor.lang@example.com');
    expect(nextEscalationLevel({ escalationLevel: 4 }, matrix)).toBeUndefined();
  });

  it('the text names no automatic escalation: a breached ticket is escalated when the customer asks, never by itself', () => {
    expect(dueAutomaticEscalations(ticket, matrix, breached, T0 + 30 * 24 * 60 * MIN, [])).toEqual([]);
  });

  it('the people are examples: every routed level says so', () => {
    for (const l of matrix.levels) if (l.kind !== 'customer_comment') expect(l.illustrative, l.id).toBe(true);
  });
});

describe('M1 then M2 (E-Down policy)', () => {
  const ticket = ticketOf('cust-edown', 'enterprise-edown', { severity: '1' });
  const matrix = matrixFor(ticket);

  it('"技术支持中的升级有两个级别": two levels, M1 then M2; the SPR is required from M2', () => {
    expect(matrix.id).toBe('support-managers-m1-m2');
    expect(matrix.levels.map((l) => l.id)).toEqual(['m1', 'm2']);
    expect(config.policies['enterprise-edown']?.defectReference?.requiredFromLevel).toBe(2);
  });

  it('"该案例已提升到技术支持工程师的直属上司": M1 mails the owner\'s direct manager; "第二级的技术支持管理人员": M2 that manager\'s manager', () => {
    expect(nextEscalationLevel(ticket, matrix)).toBe(1);
    expect(resolveEscalationRecipients(ticket, 1, matrix, demoEngineers)).toEqual({ to: [emailOf('eng-sam')], cc: [] });
    expect(resolveEscalationRecipients(ticket, 2, matrix, demoEngineers)).toEqual({ to: [emailOf('eng-dana')], cc: [] });
    expect(nextEscalationLevel({ escalationLevel: 2 }, matrix)).toBeUndefined();
  });

  it('the customer raises it ("单击升级此问题"), so nothing escalates by itself', () => {
    expect(dueAutomaticEscalations(ticket, matrix, breached, T0 + 30 * 24 * 60 * MIN, [])).toEqual([]);
  });
});

describe('the management ladder by ticket age (network services policy)', () => {
  const ticket = ticketOf('cust-balkan', 'network-impact-rfo', { severity: 'major', priority: 'P2', productLine: 'edge-routers' });
  const matrix = matrixFor(ticket);
  const minutes = (levelIndex: number, severity: string): number => {
    const rule = matrix.levels[levelIndex]?.auto.find((r) => r.trigger.kind === 'age' && r.trigger.severity === severity);
    if (rule?.trigger.kind !== 'age') throw new Error(`no ${severity} rule at level ${levelIndex + 1}`);
    return rule.trigger.minutes;
  };

  it('"матрица на ескалация, предадена като официален документ при активирането на услугата": the customer\'s contract names the ladder', () => {
    expect(config.contracts['contract-c-3001']?.escalationMatrixId).toBe('network-age-ladder');
    expect(matrix.id).toBe('network-age-ladder');
  });

  it('"автоматично ще бъде придвижен към следващото управленско ниво ... въз основа на възрастта на тикета": a major fault reaches the duty manager, then the operations manager, then the director as it ages', () => {
    const [m1, m2, m3] = [minutes(0, 'major'), minutes(1, 'major'), minutes(2, 'major')];
    expect(dueAutomaticEscalations(ticket, matrix, [], T0 + m1 * MIN - 1, [])).toEqual([]);
    expect(dueAutomaticEscalations(ticket, matrix, [], T0 + m1 * MIN, []).map((d) => d.levelId)).toEqual(['duty-manager']);
    expect(resolveEscalationRecipients(ticket, 1, matrix, demoEngineers).to).toEqual(['service-centre-duty@example.com']);
    expect(dueAutomaticEscalations(ticket, matrix, [], T0 + m2 * MIN, [1]).map((d) => d.levelId)).toEqual(['operations-manager']);
    expect(dueAutomaticEscalations(ticket, matrix, [], T0 + m3 * MIN, [1, 2]).map((d) => d.levelId)).toEqual(['operations-director']);
    expect(dueAutomaticEscalations(ticket, matrix, [], T0 + 100 * m3 * MIN, [1, 2, 3])).toEqual([]);
  });

  it('measured from when the severity took effect: a minor fault re-classed critical after a day reaches the duty manager the critical ladder\'s time after the change', () => {
    const raised = T0 + 24 * 60 * MIN;
    const t = ticketOf('cust-balkan', 'network-impact-rfo', { severity: 'critical', sla: { severityHistory: [{ at: T0, severity: 'minor' }, { at: raised, severity: 'critical' }], pauses: [], customerUpdates: [] } });
    const first = minutes(0, 'critical');
    expect(first).toBeLessThan(minutes(0, 'minor'));
    expect(dueAutomaticEscalations(t, matrix, [], raised + first * MIN - 1, [])).toEqual([]);
    expect(dueAutomaticEscalations(t, matrix, [], raised + first * MIN, []).map((d) => d.level)).toEqual([1]);
  });

  it('a contract handed its own matrix at activation: the ticket follows that one, not the policy\'s', () => {
    const own = { ...matrix, id: 'balkan-activation-2026', levels: matrix.levels.map((l) => (l.kind === 'fixed' ? { ...l, mailbox: `${l.id}@balkan.example.com` } : l)) };
    const c = config.contracts['contract-c-3001']!;
    const withOwn = { ...config, contracts: { ...config.contracts, [c.id]: { ...c, escalationMatrixId: own.id } } };
    const m = escalationMatrixForTicket([...matrices, own], ticket, withOwn);
    expect(m?.id).toBe(own.id);
    expect(resolveEscalationRecipients(ticket, 1, own, demoEngineers).to).toEqual(['duty-manager@balkan.example.com']);
  });

  it('every minute and address of the ladder is an example (the text gives none): each is marked illustrative', () => {
    for (const l of matrix.levels) {
      expect(l.illustrative, l.id).toBe(true);
      for (const r of l.auto) expect(r.illustrative, `${l.id} ${JSON.stringify(r.trigger)}`).toBe(true);
    }
  });
});

describe('each shipped policy names its own matrix', () => {
  it('business hours, E-Down and network services each follow their own; the on-site policy and admin-made ones the fallback', () => {
    const own = (policyId: string) => matrices.filter((m) => m.policyId === policyId).map((m) => m.id);
    expect(own('business-hours-3-severity')).toEqual(['product-region-vp']);
    expect(own('enterprise-edown')).toEqual(['support-managers-m1-m2']);
    expect(own('network-impact-rfo')).toEqual(['network-age-ladder']);
    expect(own('default')).toEqual(['default']);
    for (const c of Object.values(config.contracts)) {
      if (!c.escalationMatrixId) continue;
      expect(config.escalationMatrices[c.escalationMatrixId]?.policyId, c.number).toBe(c.policyId);
    }
  });
});
