import { describe, expect, it } from 'vitest';
import { classifyInbound, foldQuotedHistory, matchCustomer, subjectWithTicketId, ticketIdInSubject, type InboundHeaders } from './inbound';

const h = (over: Partial<InboundHeaders> = {}): InboundHeaders => ({ from: 'casey@customer.example.com', subject: 'Help', messageId: 'm1@customer.example.com', inReplyTo: [], references: [], raw: {}, contentType: 'text/plain', ...over });
const own = { addresses: ['support@example.com'], isOwnMessageId: (id: string) => id === 'sd.1@example.com' };

describe('classifyInbound', () => {
  it('normal mail is normal; Auto-Submitted: no is a person', () => {
    expect(classifyInbound(h(), own)).toBe('normal');
    expect(classifyInbound(h({ raw: { 'auto-submitted': 'no' } }), own)).toBe('normal');
  });
  it('automatic replies by header or by subject', () => {
    const autos: Array<Record<string, string>> = [{ 'auto-submitted': 'auto-generated' }, { precedence: 'bulk' }, { precedence: 'auto_reply' }, { 'x-autoreply': 'yes' }];
    for (const raw of autos) expect(classifyInbound(h({ raw }), own)).toBe('auto_reply');
    for (const subject of ['Out of Office: Help', 'Automatic reply: Help', '自动回复: Help', 'Автоматичен отговор: Help']) expect(classifyInbound(h({ subject }), own)).toBe('auto_reply');
  });
  it('bounces by report type, daemon sender or null return path', () => {
    expect(classifyInbound(h({ contentType: 'multipart/report' }), own)).toBe('bounce');
    expect(classifyInbound(h({ from: 'MAILER-DAEMON@mx.example.com' }), own)).toBe('bounce');
    expect(classifyInbound(h({ from: 'postmaster@mx.example.com' }), own)).toBe('bounce');
    expect(classifyInbound(h({ raw: { 'return-path': '<>' } }), own)).toBe('bounce');
  });
  it('our own address or Message-ID coming back is a loop', () => {
    expect(classifyInbound(h({ from: 'support@example.com' }), own)).toBe('loop');
    expect(classifyInbound(h({ messageId: 'sd.1@example.com' }), own)).toBe('loop');
    expect(classifyInbound(h({ raw: { 'x-loop': 'support@example.com' } }), own)).toBe('loop');
  });
});

describe('threading and customers', () => {
  it('finds the ticket id in a subject and adds it once', () => {
    expect(ticketIdInSubject('Re: [SD-AB12CD-0042] Router')).toBe('SD-AB12CD-0042');
    expect(ticketIdInSubject('Re: Router 42')).toBeUndefined();
    expect(subjectWithTicketId('SD-AB12CD-0042', 'Router')).toBe('[SD-AB12CD-0042] Router');
    expect(subjectWithTicketId('SD-AB12CD-0042', 'Re: [SD-AB12CD-0042] Router')).toBe('Re: [SD-AB12CD-0042] Router');
  });
  it('an exact address beats a domain; unknown senders match nobody', () => {
    const cs = [{ id: 'a', emailDomains: ['customer.example.com'] }, { id: 'b', emailDomains: ['boss@customer.example.com'] }];
    expect(matchCustomer('Boss@Customer.example.com', cs)).toBe('b');
    expect(matchCustomer('casey@customer.example.com', cs)).toBe('a');
    expect(matchCustomer('casey@sub.customer.example.com', cs)).toBeUndefined();
    expect(matchCustomer('x@other.example.org', cs)).toBeUndefined();
  });
  it('folds Chinese and Bulgarian quote headers', () => {
    expect(foldQuotedHistory('好的\n\n在 2026年12月6日 10:00，Support 写道：\n> 请重启').reply).toBe('好的');
    expect(foldQuotedHistory('Добре\n\nНа 6.12.2026 г. в 10:00 Support написа:\n> Рестартирайте').reply).toBe('Добре');
    expect(foldQuotedHistory('no history here').quoted).toBe('');
  });
});
