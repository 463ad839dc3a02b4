import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { demoEngineers } from '../../../../shared/demo';
import type { EscalationDraftContext } from '../../../../shared/escalation';
import { defaultEscalationLevel, escalationFileName, levelOptions, MAILTO_MAX_LENGTH, plainDraftText, prepareEscalation } from './escalation-draft';
import { makeTicket, NOW } from './fixtures.test-support';
import { presetEscalationMatrices } from './matrices';

const matrix = presetEscalationMatrices.find((m) => m.id === 'default')!;
const ctx = (over: Partial<EscalationDraftContext> = {}): EscalationDraftContext => ({ customerName: 'Jade River Bank', timeline: [], clocks: [], timeZone: 'Asia/Shanghai', engineers: demoEngineers, now: NOW, ...over });

describe('level choice', () => {
  it('lists every level with its localized name; an ownerless ticket shows why M1 and M2 cannot be reached', () => {
    const opts = levelOptions(makeTicket({ ownerId: undefined }), matrix, demoEngineers, 'bg');
    expect(opts.map((o) => o.name)).toEqual(['Клиентът иска ескалация', 'M1: пряк ръководител', 'M2: ръководство на поддръжката', 'Продуктов мениджър', expect.any(String), expect.any(String)]);
    expect(opts[0]?.blocked).toBeUndefined();
    expect(opts[1]?.blocked).toMatch(/no owner/);
    expect(opts[3]?.blocked).toBeUndefined();
  });

  it('proposes the next level, skipping the customer’s own step; nothing at the top', () => {
    expect(defaultEscalationLevel(makeTicket(), matrix)).toBe(2);
    expect(defaultEscalationLevel(makeTicket({ escalationLevel: 2 }), matrix)).toBe(3);
    expect(defaultEscalationLevel(makeTicket({ escalationLevel: matrix.levels.length }), matrix)).toBeUndefined();
    const marked = levelOptions(makeTicket({ escalationLevel: 2 }), matrix, demoEngineers, 'en');
    expect(marked.map((o) => o.reached)).toEqual([true, true, false, false, false, false]);
  });
});

describe('prepareEscalation', () => {
  it('builds the product-line draft: mailbox in To, the product managers in Cc, ticket id in the subject, parsed back by a MIME parser', async () => {
    const p = prepareEscalation(makeTicket(), 4, matrix, 'en', ctx({ tried: 'Restarted both nodes', ask: 'Please send a developer' }));
    if (p.kind !== 'draft') throw new Error(`expected a draft, got ${p.kind}`);
    expect(p.draft.to).toEqual(['gateway-escalation@example.com']);
    expect(p.recipients).toEqual(['gateway-escalation@example.com', 'priya.raman@example.com', 'jonas.berg@example.com']);
    expect(p.fileName).toBe('SD-T-0001-escalation-L4.eml');
    const mail = await PostalMime.parse(p.eml);
    expect(mail.to?.map((a) => a.address)).toEqual(['gateway-escalation@example.com']);
    expect(mail.subject).toContain('SD-T-0001');
    expect(mail.text).toContain('Restarted both nodes');
    expect(mail.text).toContain('Please send a developer');
    expect(p.plain.split('\n').slice(0, 3)).toEqual(['To: gateway-escalation@example.com', 'Cc: priya.raman@example.com, jonas.berg@example.com', `Subject: ${p.draft.subject}`]);
  });

  it('writes the draft in the UI language', async () => {
    const p = prepareEscalation(makeTicket(), 2, matrix, 'zh-CN', ctx());
    if (p.kind !== 'draft') throw new Error(p.kind);
    expect(p.levelName).toBe('M1：直属经理');
    expect(p.draft.to).toEqual(['dana.whitfield@example.com']);
    expect(/[\u4e00-\u9fff]/.test(p.draft.subject)).toBe(true);
    expect((await PostalMime.parse(p.eml)).subject).toBe(p.draft.subject);
  });

  it('marks a mailto: link that mail clients would cut off', () => {
    const short = prepareEscalation(makeTicket(), 2, matrix, 'en', ctx());
    const long = prepareEscalation(makeTicket(), 2, matrix, 'en', ctx({ tried: 'x'.repeat(3000) }));
    if (short.kind !== 'draft' || long.kind !== 'draft') throw new Error('expected drafts');
    expect(short.mailto.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    expect(short.mailtoTooLong).toBe(false);
    expect(long.mailtoTooLong).toBe(true);
  });

  it('the customer step makes no draft; an unknown product line is blocked with the reason', () => {
    const step = prepareEscalation(makeTicket(), 1, matrix, 'zh-TW', ctx());
    expect(step).toMatchObject({ kind: 'customer_step', levelName: '客戶要求升級' });
    expect(step.kind === 'customer_step' && step.instructions).toMatch(/入口網站/);
    const blocked = prepareEscalation(makeTicket({ productLine: 'quantum-toaster' }), 4, matrix, 'en', ctx());
    expect(blocked).toMatchObject({ kind: 'blocked', message: expect.stringContaining('quantum-toaster') });
  });

  it('file names stay within what the host accepts', () => {
    expect(escalationFileName('SD/2026:7', 3)).toBe('SD_2026_7-escalation-L3.eml');
    expect(plainDraftText({ to: ['a@example.com'], subject: 'S', body: 'B' })).toBe('To: a@example.com\nSubject: S\n\nB');
  });
});
