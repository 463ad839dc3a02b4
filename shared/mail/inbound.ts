// Rules for mail that arrives in a support mailbox: what kind of message it is, which ticket it
// belongs to, which customer sent it, and which part of its text is new. Pure, so the server, the
// tests and the bench agree on every decision.

/** The headers the decisions need, already decoded (lower-case addresses, Message-IDs without <>). */
export type InboundHeaders = {
  from: string;
  subject: string;
  messageId: string;
  inReplyTo: readonly string[];
  references: readonly string[];
  /** Every header by lower-case name, values as text (first occurrence). */
  raw: Readonly<Record<string, string>>;
  /** Top-level MIME type, e.g. `multipart/report`. */
  contentType: string;
};

export type InboundKind = 'normal' | 'auto_reply' | 'bounce' | 'loop';

/** What identifies mail this desk sent itself: its mailbox addresses and Message-IDs. */
export type OwnMail = { addresses: readonly string[]; isOwnMessageId: (id: string) => boolean };

const AUTO_SUBJECT = /^\s*(auto(matic)?[ -]?(reply|response)|out of (the )?office|autoreply|abwesenheitsnotiz|自动回复|自動回覆|автоматичен отговор)(?=[\s:：]|$)/iu;
const DAEMON = /^(mailer-daemon|postmaster)@/i;

/**
 * Sorts a message into normal mail, an automatic reply, a bounce or a mail loop. Only normal mail
 * may create tickets or notes: an out-of-office answer to our update must never reopen a ticket,
 * restart a clock or trigger our own answer back (the loop every helpdesk fears).
 */
export function classifyInbound(h: InboundHeaders, own: OwnMail): InboundKind {
  const header = (name: string) => (h.raw[name] ?? '').trim().toLowerCase();
  if (own.addresses.includes(h.from) || own.isOwnMessageId(h.messageId)) return 'loop';
  if (header('x-loop') !== '' && own.addresses.some((a) => header('x-loop').includes(a))) return 'loop';
  const returnPath = header('return-path');
  if (h.contentType === 'multipart/report' || DAEMON.test(h.from) || returnPath === '<>') return 'bounce';
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return 'auto_reply';
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence'))) return 'auto_reply';
  if ('x-autoreply' in h.raw || 'x-autorespond' in h.raw || 'x-autoresponder' in h.raw) return 'auto_reply';
  if (AUTO_SUBJECT.test(h.subject)) return 'auto_reply';
  return 'normal';
}

const TICKET_ID = /\b(SD-[A-Z0-9]{4,8}-\d{4,})\b/;

/** The ticket id a subject carries (`Re: [SD-AB12CD-0042] …`), if any. */
export function ticketIdInSubject(subject: string): string | undefined {
  return TICKET_ID.exec(subject)?.[1];
}

/** The subject of mail about a ticket: carries the ticket id once, so the customer's reply threads even without headers. */
export function subjectWithTicketId(ticketId: string, subject: string): string {
  const clean = subject.replace(/[\r\n]+/g, ' ').trim();
  if (ticketIdInSubject(clean) === ticketId) return clean;
  return `[${ticketId}] ${clean}`.trim();
}

/** A customer known to the desk, with the addresses and domains its mail comes from (`ops@acme.example.com` or `acme.example.com`). */
export type MailCustomer = { id: string; emailDomains: readonly string[] };

/** The customer a sender belongs to: an exact address wins over a domain; undefined = unknown sender (triage). */
export function matchCustomer(sender: string, customers: readonly MailCustomer[]): string | undefined {
  const address = sender.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const entries = (c: MailCustomer) => c.emailDomains.map((d) => d.trim().toLowerCase().replace(/^@/, ''));
  return customers.find((c) => entries(c).includes(address))?.id ?? customers.find((c) => entries(c).includes(domain))?.id;
}

// Lines that start the quoted history in the common mail programs (Gmail, Apple Mail, Outlook,
// Thunderbird; English, Chinese, Bulgarian). Everything from such a line on is earlier mail.
const QUOTE_HEADERS = [
  /^On .{3,200}wrote:\s*$/,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|原始邮件|原始郵件|Оригинално съобщение)\s*-{2,}/i,
  /^_{20,}\s*$/,
  /^在.{3,120}(写道|寫道)[:：]\s*$/,
  /^На .{3,200}написа:\s*$/,
];
const OUTLOOK_BLOCK = /^(From|发件人|寄件者|От):\s/;
const OUTLOOK_NEXT = /^(Sent|Date|发送时间|寄件日期|Изпратено|Дата):\s/;

/** Splits a reply into what the sender wrote now and the quoted history below it. */
export function foldQuotedHistory(text: string): { reply: string; quoted: string } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const twoLines = `${line} ${(lines[i + 1] ?? '').trim()}`;
    if (QUOTE_HEADERS.some((re) => re.test(line)) || (/^On /.test(line) && QUOTE_HEADERS[0]?.test(twoLines))) {
      cut = i;
      break;
    }
    if (OUTLOOK_BLOCK.test(line) && lines.slice(i + 1, i + 4).some((l) => OUTLOOK_NEXT.test(l.trim()))) {
      cut = i;
      break;
    }
  }
  // A trailing run of "> " lines is quoted history too (plain-text replies that quote below).
  let end = cut;
  while (end > 0 && /^\s*(>|$)/.test(lines[end - 1] ?? '')) end--;
  if (end < cut && lines.slice(end, cut).some((l) => l.trim().startsWith('>'))) cut = end;
  return { reply: lines.slice(0, cut).join('\n').trim(), quoted: lines.slice(cut).join('\n').trim() };
}

/** Normalises a Message-ID for bookkeeping: no angle brackets, no white space, lower-case domain part kept as sent. */
export function normalizeMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').replace(/\s+/g, '');
}

/** The customer id of tickets from unknown senders: the mail triage queue lists them until someone files them under a customer. */
export const UNKNOWN_SENDER_CUSTOMER = 'mail-triage';
