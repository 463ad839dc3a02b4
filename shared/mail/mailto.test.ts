import { describe, expect, it } from 'vitest';
import { InvalidAddressError, mailDraftSchema, renderMailto } from './index';

/** Splits a mailto: URL the way RFC 6068 defines it, decoding each part. */
function parseMailto(url: string): { to: string[]; params: Map<string, string> } {
  expect(url.startsWith('mailto:')).toBe(true);
  const [path = '', query = ''] = url.slice('mailto:'.length).split('?');
  const to = path === '' ? [] : path.split(',').map(decodeURIComponent);
  const params = new Map<string, string>();
  for (const pair of query === '' ? [] : query.split('&')) {
    const eq = pair.indexOf('=');
    params.set(decodeURIComponent(pair.slice(0, eq)), decodeURIComponent(pair.slice(eq + 1)));
  }
  return { to, params };
}

describe('renderMailto', () => {
  it.each([
    ['zh-CN', '紧急升级：工单 T-1042', '您好，\n生产系统无法访问。\n请协调资源。'],
    ['zh-TW', '緊急升級：工單 T-1042', '您好，\r\n生產系統無法存取。'],
    ['bg', 'Ескалация: тикет T-1042 & 50% загуба?', 'Здравейте,\nуслугата е недостъпна.\n#1 + #2 = a&b'],
  ])('round-trips a %s subject and body through decodeURIComponent', (_lang, subject, body) => {
    const url = renderMailto({ to: ['lead@example.com', 'pm+esc@example.com'], cc: ['m1@example.com'], subject, body });
    const parsed = parseMailto(url);
    expect(parsed.to).toEqual(['lead@example.com', 'pm+esc@example.com']);
    expect(parsed.params.get('cc')).toBe('m1@example.com');
    expect(parsed.params.get('subject')).toBe(subject);
    expect(parsed.params.get('body')).toBe(body.replace(/\r?\n/g, '\r\n'));
    // Nothing but URL-safe characters is left raw; in particular no space, '&' or '#'.
    expect(url).toMatch(/^mailto:[A-Za-z0-9@%,.\-_~!*'()?=&]+$/);
  });

  it('writes line breaks as %0D%0A, whatever the input used', () => {
    const url = renderMailto({ to: ['a@example.com'], subject: 's', body: 'one\ntwo\rthree\r\nfour' });
    expect(url).toContain('body=one%0D%0Atwo%0D%0Athree%0D%0Afour');
  });

  it('parses with the URL class as well', () => {
    const url = new URL(renderMailto({ to: ['a@example.com'], cc: ['b@example.com', 'c@example.com'], subject: 'Ж 中', body: 'x y' }));
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('a@example.com');
    expect(url.searchParams.get('cc')).toBe('b@example.com,c@example.com');
    expect(url.searchParams.get('subject')).toBe('Ж 中');
    expect(url.searchParams.get('body')).toBe('x y');
  });

  it('keeps a subject on one line even when it holds line breaks', () => {
    const url = renderMailto({ to: ['a@example.com'], subject: 'Hi\r\nBcc: evil@example.com', body: '' });
    expect(parseMailto(url).params.get('subject')).toBe('Hi Bcc: evil@example.com');
    expect(parseMailto(url).params.has('body')).toBe(false);
  });

  it('does not throw on broken UTF-16 and never emits invalid percent-encoding', () => {
    const url = renderMailto({ to: ['a@example.com'], subject: 'a\ud800b', body: '\udc00' });
    expect(parseMailto(url).params.get('subject')).toBe('a\ufffdb');
  });

  it('refuses an invalid address naming it', () => {
    expect(() => renderMailto({ to: ['a@example.com?bcc=evil@example.com'], subject: '', body: '' })).toThrow(InvalidAddressError);
    expect(() => renderMailto({ to: ['ok@example.com'], cc: ['not an address'], subject: '', body: '' })).toThrow(/"not an address"/);
  });
});

describe('mailDraftSchema', () => {
  it('accepts a well-formed draft and names a bad address', () => {
    expect(mailDraftSchema.safeParse({ to: [' a@example.com '], subject: 's', body: 'b' })).toMatchObject({ success: true, data: { to: ['a@example.com'] } });
    const r = mailDraftSchema.safeParse({ to: ['a@example.com'], cc: ['x\r\nBcc: y@example.com'], subject: 's', body: 'b' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['cc', 0]);
    expect(r.error?.issues[0]?.message).toContain('not an e-mail address');
  });
});
