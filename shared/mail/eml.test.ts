import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import type { Address } from 'postal-mime';
import { InvalidAddressError, renderEml } from './index';
import type { MailDraft } from './index';

const date = new Date(Date.UTC(2025, 6, 1, 9, 5, 7));

function addresses(list: Address[] | undefined): string[] {
  return (list ?? []).flatMap((a) => ('address' in a && a.address ? [a.address] : []));
}

/** Text as the user wrote it: the renderer ends the body with one CRLF and uses CRLF breaks. */
function plainText(text: string | undefined): string {
  return (text ?? '').replace(/\r\n/g, '\n').replace(/\n$/, '');
}

function expectWellFormed(eml: string): void {
  const lines = eml.split('\r\n');
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(line).length).toBeLessThan(998);
  }
  for (const word of eml.match(/=\?[^?]+\?[BQ]\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
}

async function roundTrip(draft: MailDraft) {
  const eml = renderEml(draft);
  expectWellFormed(eml);
  return { eml, mail: await PostalMime.parse(eml) };
}

describe('renderEml', () => {
  const cases: [string, string, string][] = [
    ['zh-CN', '紧急升级：工单 T-1042 生产系统停机，客户北京示例大学', '您好，\n生产系统自 09:00 起无法访问。\n已尝试：重启服务、回滚配置。\n请协调资源。'],
    ['zh-TW', '緊急升級：工單 T-1042 生產系統停機，客戶臺北範例大學', '您好，\n生產系統自 09:00 起無法存取。\n已嘗試：重新啟動服務。'],
    ['bg', 'Ескалация: тикет T-1042, критично прекъсване при клиент София Пример', 'Здравейте,\nуслугата е недостъпна от 09:00.\nОпитано: рестарт на услугата.'],
  ];
  it.each(cases)('round-trips a %s subject and body through postal-mime', async (_lang, subject, body) => {
    const { mail } = await roundTrip({ to: ['lead@example.com'], cc: ['pm@example.com'], subject, body, date });
    expect(mail.subject).toBe(subject);
    expect(plainText(mail.text)).toBe(body);
    expect(addresses(mail.to)).toEqual(['lead@example.com']);
    expect(addresses(mail.cc)).toEqual(['pm@example.com']);
    const keys = mail.headers.map((h) => h.key);
    expect(keys).toEqual(expect.arrayContaining(['to', 'cc', 'subject', 'date', 'mime-version', 'content-type', 'content-transfer-encoding', 'x-unsent', 'message-id']));
    expect(mail.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
    expect(mail.headers.find((h) => h.key === 'content-type')?.value).toBe('text/plain; charset=utf-8');
  });

  it('folds a long Chinese subject into encoded-words of at most 75 characters without splitting characters', async () => {
    const subject = '生產系統停機'.repeat(40) + ' 🚨 ' + 'България'.repeat(10);
    const { eml, mail } = await roundTrip({ to: ['a@example.com'], subject, body: 'x', date });
    expect(mail.subject).toBe(subject);
    const subjectLines = eml.slice(eml.indexOf('Subject:'), eml.indexOf('\r\nDate:')).split('\r\n');
    expect(subjectLines.length).toBeGreaterThan(5);
    for (const line of subjectLines.slice(1)) expect(line.startsWith(' =?UTF-8?B?')).toBe(true);
  });

  it('writes the RFC 5322 date and a stable Message-ID', () => {
    const draft = { to: ['a@example.com'], subject: 'Hi', body: 'Body', date };
    const eml = renderEml(draft);
    expect(eml).toContain('\r\nDate: Tue, 01 Jul 2025 09:05:07 +0000\r\n');
    expect(eml).toMatch(/\r\nMessage-ID: <[0-9a-f]{8}\.[0-9a-z]+@service-desk\.invalid>\r\n/);
    expect(renderEml(draft)).toBe(eml);
    expect(renderEml({ ...draft, body: 'Other' })).not.toBe(eml);
    expect(eml.endsWith('\r\n')).toBe(true);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  describe('header injection', () => {
    const attempts: [string, string][] = [
      ['Hello\r\nBcc: evil@example.com', 'Hello Bcc: evil@example.com'],
      ['Hello\nBcc: evil@example.com', 'Hello Bcc: evil@example.com'],
      ['Hello\rBcc: evil@example.com', 'Hello Bcc: evil@example.com'],
      ['升级\r\nBcc: evil@example.com', '升级 Bcc: evil@example.com'],
      ['Hi\r\n\r\nInjected body', 'Hi  Injected body'],
    ];
    it.each(attempts)('keeps %j in the subject without creating a header or body', async (subject, shown) => {
      const { mail } = await roundTrip({ to: ['a@example.com'], subject, body: 'Real body', date });
      expect(mail.bcc).toBeUndefined();
      expect(mail.headers.map((h) => h.key).sort()).toEqual(
        ['content-transfer-encoding', 'content-type', 'date', 'message-id', 'mime-version', 'subject', 'to', 'x-unsent'].sort(),
      );
      expect(mail.subject).toBe(shown);
      expect(plainText(mail.text)).toBe('Real body');
    });

    const badRecipients = ['a@example.com\r\nBcc: evil@example.com', 'a@example.com\nBcc: evil@example.com', 'a@example.com\rX: y', 'a@example.com, evil@example.com'];
    it.each(badRecipients)('refuses the recipient %j with an error naming it', (bad) => {
      expect(() => renderEml({ to: [bad], subject: 's', body: 'b', date })).toThrow(InvalidAddressError);
      expect(() => renderEml({ to: [bad], subject: 's', body: 'b', date })).toThrow(JSON.stringify(bad));
      expect(() => renderEml({ to: ['ok@example.com'], cc: [bad], subject: 's', body: 'b', date })).toThrow(/in cc/);
    });
  });

  it.each(['no-at-sign', 'a@b', 'a b@example.com', 'Jane <jane@example.com>', 'ä@example.com', '', '@example.com', 'a@-bad-.com', 'a@example.123'])(
    'rejects the invalid address %j',
    (bad) => {
      let error: unknown;
      try {
        renderEml({ to: ['ok@example.com', bad], subject: 's', body: 'b', date });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidAddressError);
      expect((error as InvalidAddressError).address).toBe(bad);
      expect((error as InvalidAddressError).field).toBe('to');
    },
  );

  it.each([
    ['ASCII', 'a'.repeat(5000)],
    ['Chinese', '中文测试'.repeat(1250)],
    ['Bulgarian', 'Български'.repeat(556)],
    ['spaces and equals', '= '.repeat(2500) + ' '],
  ])('keeps a 5,000-character %s line intact while every encoded line stays short', async (_name, line) => {
    const body = `first\n${line}\nlast`;
    const { eml, mail } = await roundTrip({ to: ['a@example.com'], subject: 'Long line', body, date });
    expect(plainText(mail.text)).toBe(body);
    const bodyLines = eml.slice(eml.indexOf('\r\n\r\n') + 4).split('\r\n');
    for (const l of bodyLines) expect(l.length).toBeLessThanOrEqual(76);
  });

  it('renders an empty body as a valid message', async () => {
    const { mail } = await roundTrip({ to: ['a@example.com'], subject: 'Empty', body: '', date });
    expect(mail.subject).toBe('Empty');
    expect(plainText(mail.text)).toBe('');
  });

  it('keeps many recipients, folded over several lines', async () => {
    const to = Array.from({ length: 200 }, (_, i) => `engineer.number${i}@example.com`);
    const cc = Array.from({ length: 60 }, (_, i) => `manager${i}@support.example.com`);
    const { mail } = await roundTrip({ to, cc, subject: 'Many', body: 'b', date });
    expect(addresses(mail.to)).toEqual(to);
    expect(addresses(mail.cc)).toEqual(cc);
  });

  it('omits To and Cc when there are no recipients (the user fills them in)', async () => {
    const { mail } = await roundTrip({ to: [], subject: 'Draft', body: 'b', date });
    expect(mail.headers.some((h) => h.key === 'to' || h.key === 'cc')).toBe(false);
  });

  it('round-trips any Unicode subject and body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 400 }), async (subject, body) => {
        const { mail } = await roundTrip({ to: ['a@example.com'], subject, body, date });
        expect((mail.subject ?? '').trim()).toBe(subject.replace(/\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').trim());
        expect(plainText(mail.text)).toBe(body.replace(/\r\n|\r/g, '\n'));
      }),
      { numRuns: 200 },
    );
  });
});
