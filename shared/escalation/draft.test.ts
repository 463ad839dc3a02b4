import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import type { Address } from 'postal-mime';
import { renderEml } from '../mail';
import type { TimelineEvent } from '../ticket/timeline';
import { T0, directory, makeTicket, presetMatrix } from './fixtures.test-support';
import { EscalationRoutingError, buildEscalationDraft, escalationMatrixSchema } from './index';
import type { EscalationDraftContext } from './index';

const matrix = presetMatrix();
const MIN = 60_000;
const PM = 4;
const timeline: TimelineEvent[] = [
  { id: 'e1', ticketId: 'T-2025-0042', at: T0, by: 'eng-li', kind: 'created' },
  { id: 'e2', ticketId: 'T-2025-0042', at: T0 + 5 * MIN, by: 'eng-li', kind: 'assigned', to: 'eng-li' },
  { id: 'e3', ticketId: 'T-2025-0042', at: T0 + 40 * MIN, by: 'eng-li', kind: 'note', visibility: 'internal', text: '已收集日志；网关内存持续增长。\n第二行不显示' },
  { id: 'e4', ticketId: 'T-2025-0042', at: T0 + 60 * MIN, by: 'system', kind: 'sla_alert', clock: 'online_resolution', threshold: 100, target: T0 + 60 * MIN },
];

function context(over: Partial<EscalationDraftContext> = {}): EscalationDraftContext {
  return {
    customerName: '玉河银行',
    timeline,
    clocks: [
      { kind: 'first_response', state: 'met', target: T0 + 30 * MIN },
      { kind: 'online_resolution', state: 'breached', target: T0 + 60 * MIN },
    ],
    timeZone: 'Asia/Shanghai',
    engineers: directory,
    tried: '重启网关；回滚到 7.2.1 版本',
    ask: '请安排研发今天内分析内存泄漏。',
    now: T0 + 90 * MIN,
    ...over,
  };
}

function addresses(list: Address[] | undefined): string[] {
  return (list ?? []).flatMap((a) => ('address' in a && a.address ? [a.address] : []));
}

async function parsed(draft: Parameters<typeof renderEml>[0]) {
  const mail = await PostalMime.parse(renderEml(draft));
  return { mail, text: (mail.text ?? '').replace(/\r\n/g, '\n') };
}

describe('buildEscalationDraft', () => {
  it('builds a zh-CN draft that a MIME parser reads back with recipients, ids, clocks and the ask', async () => {
    const draft = buildEscalationDraft(makeTicket(), PM, matrix, 'zh-CN', context());
    const { mail, text } = await parsed(draft);
    expect(addresses(mail.to)).toEqual(['gateway-escalation@example.com']);
    expect(addresses(mail.cc)).toEqual(['priya.raman@example.com', 'jonas.berg@example.com']);
    expect(mail.subject).toBe('【升级：产品经理】T-2025-0042 · 1 · 玉河银行 · Gateway keeps restarting under load');
    expect(text).toContain('影响：影响服务');
    expect(text).toContain('负责人：Li Na');
    expect(text).toContain('- 首次响应: 已达成');
    // Targets are shown in the reader's zone: 10:00 in Shanghai for 02:00 UTC.
    expect(text).toMatch(/已超时：\n- 远程解决: 已超时 \(期限 2025\/03\/03 [^)]*10:00[^)]*\)\n/);
    expect(text).toContain('重启网关；回滚到 7.2.1 版本');
    expect(text).toContain('请安排研发今天内分析内存泄漏。');
    expect(text).toContain('(内部) 已收集日志；网关内存持续增长。');
    expect(text).not.toContain('第二行不显示');
    expect(text).not.toContain('{{');
    expect(mail.date).toBe(new Date(T0 + 90 * MIN).toISOString());
  });

  it('names the product line as the matrix labels it and the priority in words, never by id', async () => {
    const { text } = await parsed(buildEscalationDraft(makeTicket({ priority: 'high' }), PM, matrix, 'bg', context()));
    expect(text).toContain('Secure Gateway');
    expect(text).not.toContain('secure-gateway');
    expect(text).toContain('Висок');
    const invented = await parsed(buildEscalationDraft(makeTicket({ priority: 'P1' }), PM, matrix, 'en', context()));
    expect(invented.text).toContain('P1');
  });

  it.each([
    ['zh-TW', '【升級：產品經理】', '影響：影響服務', '範例精密'],
    ['bg', '[Ескалация: Продуктов мениджър]', 'Въздействие: Засягащ услугата', 'Балканска Телеком ООД'],
    ['en', '[Escalation: Product manager]', 'Impact: Service affecting', 'Example Bank'],
  ])('writes the %s template and it survives MIME parsing', async (locale, subjectStart, impactLine, customerName) => {
    const draft = buildEscalationDraft(makeTicket({ title: 'Шлюзът се рестартира 网关重启' }), PM, matrix, locale, context({ customerName, tried: 'Рестарт; 重启', ask: '' }));
    const { mail, text } = await parsed(draft);
    expect(mail.subject?.startsWith(subjectStart)).toBe(true);
    expect(mail.subject).toContain(customerName);
    expect(mail.subject).toContain('Шлюзът се рестартира 网关重启');
    expect(text).toContain(impactLine);
    expect(text).toContain('Рестарт; 重启');
    expect(text).not.toContain('{{');
  });

  it('includes the E-Down answers only when the ticket has them', () => {
    const eDown = { reason: 'server_unresponsive_or_exiting' as const, usersTotal: 500, usersAffected: 420, actionsTaken: 'Failover to standby', downSince: T0, technicalContact: 'Kim Park, +1 555 0100' };
    const withAnswers = buildEscalationDraft(makeTicket({ eDown }), PM, matrix, 'en', context()).body;
    expect(withAnswers).toContain('E-Down answers:');
    expect(withAnswers).toContain('Users affected: 420 of 500');
    expect(withAnswers).toContain('Failover to standby');
    expect(withAnswers).toContain('Kim Park, +1 555 0100');
    expect(buildEscalationDraft(makeTicket(), PM, matrix, 'en', context()).body).not.toContain('E-Down');
  });

  it('drops the breaches heading when nothing is breached and uses the default ask', () => {
    const body = buildEscalationDraft(makeTicket(), PM, matrix, 'en', context({ clocks: [{ kind: 'first_response', state: 'running' }], ask: '  ' })).body;
    expect(body).not.toContain('Breaches:');
    expect(body).toContain('- First response: running');
    expect(body).toContain('Please review this ticket');
  });

  it('keeps hostile ticket text from adding headers to the .eml', async () => {
    const ticket = makeTicket({ title: 'Outage\r\nBcc: evil@example.com' });
    const draft = buildEscalationDraft(ticket, PM, matrix, 'bg', context({ customerName: 'Evil\nX-Injected: 1' }));
    expect(draft.subject).not.toMatch(/[\r\n]/);
    const { mail } = await parsed(draft);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.some((h) => h.key === 'x-injected' || h.key === 'bcc')).toBe(false);
    expect(mail.subject).toContain('Outage Bcc: evil@example.com');
  });

  it('keeps a 5,000-character line of what was tried intact', async () => {
    const tried = 'Опит за рестарт 重启网关 '.repeat(250).slice(0, 5000);
    const { text } = await parsed(buildEscalationDraft(makeTicket(), PM, matrix, 'bg', context({ tried })));
    expect(text).toContain(tried);
  });

  it('summarises only the last events of a long timeline and says how many were left out', () => {
    const many: TimelineEvent[] = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, ticketId: 't', at: T0 + i * MIN, by: 'eng-li', kind: 'customer_update' as const, text: `update ${i}` }));
    const body = buildEscalationDraft(makeTicket(), PM, matrix, 'en', context({ timeline: many })).body;
    expect(body).toContain('(25 earlier events not shown)');
    expect(body).toContain('update 39');
    expect(body).not.toContain('update 24\n');
  });

  it('uses the policy template when the matrix overrides one', () => {
    const custom = escalationMatrixSchema.parse({ ...matrix, templates: { en: { subject: 'ESC {{ticketId}} L{{level}}', body: 'Ask: {{ask}}' } } });
    const draft = buildEscalationDraft(makeTicket(), PM, custom, 'en', context({ ask: 'call me' }));
    expect(draft.subject).toBe('ESC T-2025-0042 L4');
    expect(draft.body).toBe('Ask: call me');
    // Other locales keep the defaults.
    expect(buildEscalationDraft(makeTicket(), PM, custom, 'bg', context()).subject).toContain('Ескалация');
  });

  it('rejects a template with an unknown placeholder', () => {
    const r = escalationMatrixSchema.safeParse({ ...matrix, templates: { en: { subject: '{{ticketID}}', body: 'x' } } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('unknown placeholder {{ticketID}}');
  });

  it('throws a routing error naming the product line when no row matches', () => {
    expect(() => buildEscalationDraft(makeTicket({ productLine: 'quantum-toaster' }), PM, matrix, 'en', context())).toThrow(EscalationRoutingError);
    expect(() => buildEscalationDraft(makeTicket({ productLine: 'quantum-toaster' }), PM, matrix, 'en', context())).toThrow(/quantum-toaster/);
    expect(() => buildEscalationDraft(makeTicket(), 1, matrix, 'en', context())).toThrow(/customer's own request/);
  });

  it('falls back to a close locale and rejects an unknown time zone', () => {
    expect(buildEscalationDraft(makeTicket(), PM, matrix, 'zh-Hant-HK', context()).subject).toContain('【升級');
    expect(buildEscalationDraft(makeTicket(), PM, matrix, 'fr-FR', context()).subject).toContain('[Escalation');
    expect(() => buildEscalationDraft(makeTicket(), PM, matrix, 'en', context({ timeZone: 'Mars/Olympus' }))).toThrow(/Mars\/Olympus/);
  });
});
