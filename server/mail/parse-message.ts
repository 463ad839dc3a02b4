import { htmlToText } from 'html-to-text';
import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import { normalizeMessageId, type InboundHeaders } from '../../shared/mail';
import { storableText } from '../../shared/sync';

// Turns raw RFC 5322 bytes into what the desk stores: decoded headers for the decisions and plain
// text. HTML is converted to text here by mailparser's converter (scripts, styles and tags
// dropped), so customer HTML never travels further than this function.

/** An attachment as received: name cleaned of paths and control characters, never executed or rendered. */
export type InboundAttachment = { filename: string; contentType: string; size: number; content: Buffer };

export type ParsedMessage = { headers: InboundHeaders; fromName: string; text: string; attachments: InboundAttachment[] };

export const MAX_ATTACHMENTS = 20;

function headerText(v: HeaderValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => headerText(x as HeaderValue)).join(', ');
  if (typeof v === 'object' && 'value' in v) {
    const value = (v as { value: unknown }).value;
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return (value as Array<{ address?: string }>).map((a) => a.address ?? '').join(', ');
  }
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return '';
}

function ids(v: string | string[] | undefined): string[] {
  const list = v === undefined ? [] : Array.isArray(v) ? v : v.split(/\s+/);
  return list.map(normalizeMessageId).filter((s) => s.length > 0);
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address: string; name: string } {
  const first = (Array.isArray(a) ? a[0] : a)?.value[0];
  return { address: (first?.address ?? '').trim().toLowerCase(), name: (first?.name ?? '').trim() };
}

/** Keeps a file name a name: no folders, no control characters, bounded length; empty becomes `attachment`. */
export function safeAttachmentName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || 'attachment';
}

// Deeper nesting is not real markup; html-to-text's recursive walk would overflow on it.
const HTML_MAX_DEPTH = 1000;

/**
 * The message's text. mailparser converts HTML only when it is the whole message or sits next to
 * a text part; an HTML body beside attachments (multipart/mixed, how many mail programs send a
 * screenshot) would otherwise arrive empty. The same converter then turns it into text.
 */
function bodyText(text: string | undefined, html: string | false | undefined): string {
  if (text && text.trim()) return text;
  if (!html) return text ?? '';
  try {
    return htmlToText(html, { limits: { maxDepth: HTML_MAX_DEPTH }, selectors: [{ selector: 'img', format: 'skip' }, { selector: 'a', options: { ignoreHref: true } }] });
  } catch {
    return '';
  }
}

/** Parses one message; `fallbackId` names it when it carries no Message-ID (the bookkeeping needs one). */
export async function parseMessage(source: Buffer | string, fallbackId: string): Promise<ParsedMessage> {
  const m = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const raw: Record<string, string> = {};
  for (const [k, v] of m.headers) if (!(k in raw)) raw[k] = headerText(v);
  const from = firstAddress(m.from);
  const contentType = (m.headers.get('content-type') as { value?: string } | undefined)?.value?.toLowerCase() ?? 'text/plain';
  const headers: InboundHeaders = {
    from: from.address,
    subject: (m.subject ?? '').replace(/[\r\n]+/g, ' ').trim(),
    messageId: normalizeMessageId(m.messageId ?? '') || fallbackId,
    inReplyTo: ids(m.inReplyTo),
    references: ids(m.references),
    raw,
    contentType,
  };
  const text = storableText(bodyText(m.text, m.html).replace(/\r\n/g, '\n')).trim();
  const attachments = m.attachments
    .filter((a) => a.contentDisposition !== 'inline' || !a.contentType.startsWith('text/'))
    .slice(0, MAX_ATTACHMENTS)
    .map((a) => ({ filename: safeAttachmentName(a.filename), contentType: a.contentType, size: a.size, content: a.content }));
  return { headers, fromName: from.name, text, attachments };
}
