import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage, safeAttachmentName } from '../../server/mail/parse-message';
import { classifyInbound, foldQuotedHistory, ticketIdInSubject } from '../../shared/mail';

// Real MIME vectors through the real parser and the desk's rules: what each would become.

const own = { addresses: ['support@example.com'], isOwnMessageId: (id: string) => id.startsWith('sd.') };
const vector = (name: string) => parseMessage(readFileSync(join(import.meta.dirname, 'vectors', `${name}.eml`)), `fallback-${name}`);

describe('inbound mail vectors', () => {
  it('plain text: sender, subject, id and body as sent', async () => {
    const m = await vector('plain');
    expect(m.headers).toMatchObject({ from: 'casey@customer.example.com', subject: 'Printer offline', messageId: 'plain-1@customer.example.com' });
    expect(m.fromName).toBe('Casey Customer');
    expect(m.text).toBe('The printer on floor 3 is offline since this morning.');
    expect(classifyInbound(m.headers, own)).toBe('normal');
  });

  it('HTML only: text without tags, scripts, styles or frames', async () => {
    const m = await vector('html-only');
    expect(m.text).toContain('Disk');
    expect(m.text).toContain('full');
    expect(m.text).not.toMatch(/<|cookie|color:red|evil|onerror/);
  });

  it('multipart/alternative: the plain part', async () => {
    expect((await vector('multipart-alternative')).text).toBe('Plain part wins.');
  });

  it('quoted-printable: decoded, soft line breaks joined', async () => {
    expect((await vector('quoted-printable')).text).toBe('Café network is down; a very long line that is soft-wrapped by the sender continues here.');
  });

  it('base64 UTF-8 subject, name and Chinese body', async () => {
    const m = await vector('base64-zh');
    expect(m.headers.subject).toBe('服务器宕机');
    expect(m.fromName).toBe('张三');
    expect(m.text).toBe('服务器从早上开始无法访问。');
  });

  it('Bulgarian subject and body', async () => {
    const m = await vector('bg');
    expect(m.headers.subject).toBe('Рутерът не работи');
    expect(m.text).toBe('Рутерът в София не отговаря от 8 часа.');
  });

  it('Outlook reply: ticket id from the subject, history below the separator folded', async () => {
    const m = await vector('outlook-reply');
    expect(ticketIdInSubject(m.headers.subject)).toBe('SD-ABCDEF-0007');
    expect(m.headers.inReplyTo).toEqual(['sd.1@example.com']);
    const f = foldQuotedHistory(m.text);
    expect(f.reply).toBe('It works again, thank you.\n\nCasey');
    expect(f.quoted).toContain('Please restart the printer.');
  });

  it('Gmail reply: the two-line "On … wrote:" header and the > lines are history', async () => {
    const m = await vector('gmail-reply');
    expect(m.headers.references).toEqual(['sd.0@example.com', 'sd.1@example.com']);
    const f = foldQuotedHistory(m.text);
    expect(f.reply).toBe('Restarted, still offline.');
    expect(f.quoted).toContain('> Please restart the printer.');
  });

  it('a DSN bounce is a bounce', async () => {
    const m = await vector('dsn-bounce');
    expect(m.headers.contentType).toBe('multipart/report');
    expect(classifyInbound(m.headers, own)).toBe('bounce');
  });

  it('a vacation reply is an automatic reply even though it carries the ticket id', async () => {
    const m = await vector('vacation');
    expect(ticketIdInSubject(m.headers.subject)).toBe('SD-ABCDEF-0007');
    expect(classifyInbound(m.headers, own)).toBe('auto_reply');
  });

  it('attachment names lose folders and control characters', () => {
    expect(safeAttachmentName('../../etc/passwd')).toBe('passwd');
    expect(safeAttachmentName('C:\\Users\\x\\report\r\n.pdf')).toBe('report__.pdf');
    expect(safeAttachmentName('')).toBe('attachment');
    expect(safeAttachmentName('.bashrc')).toBe('bashrc');
  });
});
