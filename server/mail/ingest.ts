import { customerSchema } from '../../shared/directory/schema';
import { classifyInbound, foldQuotedHistory, matchCustomer, ticketIdInSubject, UNKNOWN_SENDER_CUSTOMER, type MailboxSettings, type MailCustomer } from '../../shared/mail';
import { initialPriority } from '../../shared/policy/priority';
import type { Ticket } from '../../shared/ticket/schema';
import type { AttachmentStore } from '../attachments';
import type { Queryable, Db } from '../db/types';
import { noteAttachmentCalls, refusedAttachmentLines, storeInboundAttachments, type InboundFiles } from './inbound-attachments';
import { mailWriter } from './mail-actor';
import { parseMessage, type ParsedMessage } from './parse-message';
import { findPolicy } from './policy-lookup';

export type Mailbox = { tenantId: string; settings: MailboxSettings };
export type FetchedMessage = { uidValidity: number; uid: number; source: Buffer };
export type IngestOutcome = { outcome: 'ticket' | 'note' | 'auto_reply' | 'bounce' | 'loop' | 'rejected' | 'duplicate'; ticketId?: string; detail?: string };

/** The mailbox's settings do not fit the tenant (a default policy that does not exist): nothing is filed, the admin is told, the next poll tries again. */
export class MailConfigError extends Error {
  override readonly name = 'MailConfigError';
}

const DESCRIPTION_MAX = 20_000;
const NOTE_MAX = 50_000;

async function ownMessageIds(tx: Queryable, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ message_id: string; ticket_id: string }>(
    `SELECT message_id, ticket_id FROM mail_outbound WHERE tenant_id = $1 AND message_id = ANY($2::text[])
     UNION ALL SELECT message_id, ticket_id FROM mail_messages WHERE tenant_id = $1 AND message_id = ANY($2::text[]) AND ticket_id IS NOT NULL`,
    [tenantId, ids],
  );
  return new Map(rows.map((r) => [r.message_id, r.ticket_id]));
}

async function liveTicket(tx: Queryable, tenantId: string, id: string | undefined): Promise<Ticket | undefined> {
  if (!id) return undefined;
  const [row] = await tx.query<{ data: Ticket }>(`SELECT data FROM entities WHERE tenant_id = $1 AND tbl = 'tickets' AND id = $2 AND NOT deleted`, [tenantId, id]);
  return row?.data;
}

/** The ticket a reply belongs to: the id in the subject, else the newest referenced message we know. */
async function threadOf(tx: Queryable, tenantId: string, m: ParsedMessage, known: Map<string, string>): Promise<Ticket | undefined> {
  const bySubject = await liveTicket(tx, tenantId, ticketIdInSubject(m.headers.subject));
  if (bySubject) return bySubject;
  for (const id of [...m.headers.inReplyTo, ...[...m.headers.references].reverse()]) {
    const t = await liveTicket(tx, tenantId, known.get(id));
    if (t) return t;
  }
  return undefined;
}

async function customers(tx: Queryable, tenantId: string): Promise<Array<MailCustomer & { region: string; policyId: string; tier: ReturnType<typeof customerSchema.parse>['contractTier'] }>> {
  const rows = await tx.query<{ data: unknown }>(`SELECT data FROM entities WHERE tenant_id = $1 AND tbl = 'customers' AND NOT deleted`, [tenantId]);
  return rows.flatMap((r) => {
    const c = customerSchema.safeParse(r.data);
    return c.success ? [{ id: c.data.id, emailDomains: c.data.emailDomains ?? [], region: c.data.region, policyId: c.data.policyId, tier: c.data.contractTier }] : [];
  });
}

/** Files that are not attachments of the note: all of them when the server has no store, else those it refused. */
function attachmentLines(m: ParsedMessage, files: InboundFiles | undefined): string {
  if (files) return refusedAttachmentLines(files);
  return m.attachments.map((a) => `📎 ${a.filename} (${a.contentType}, ${a.size} B)`).join('\n');
}

function noteText(m: ParsedMessage, files: InboundFiles | undefined): string {
  const { reply, quoted } = foldQuotedHistory(m.text);
  const body = reply || (quoted ? '' : m.text);
  const parts = [`✉ ${m.fromName ? `${m.fromName} <${m.headers.from}>` : m.headers.from}`, body, quoted ? '> …' : '', attachmentLines(m, files)].filter((s) => s.length > 0);
  return parts.join('\n\n').slice(0, NOTE_MAX);
}

/** How many fetched messages are parsed together and filed in one transaction. */
export const INGEST_BATCH = 25;

/**
 * Files one fetched message exactly once (a batch of one; see ingestBatch).
 */
export async function ingestMessage(db: Db, box: Mailbox, msg: FetchedMessage, now: () => number, store?: AttachmentStore): Promise<IngestOutcome> {
  const [outcome] = await ingestBatch(db, box, [msg], now, store);
  if (!outcome) throw new Error('a batch of one message filed nothing');
  return outcome;
}

/**
 * Files fetched messages exactly once, in their order. They are parsed together, then filed in ONE
 * transaction: each message's bookkeeping row and everything it creates commit together, so a
 * crash loses the whole batch or none of it, and the unique keys (mailbox UID, Message-ID) make a
 * second attempt — after a restart, or by another instance fetching the same messages — find the
 * rows and do nothing. Batching saves one commit per message on a database that syncs each commit
 * to disk; it did not measurably speed up the in-memory bench (the time there is in filing itself).
 */
export async function ingestBatch(db: Db, box: Mailbox, msgs: readonly FetchedMessage[], now: () => number, store?: AttachmentStore): Promise<IngestOutcome[]> {
  const { tenantId, settings } = box;
  const parsed = await Promise.all(msgs.map((msg) => parseMessage(msg.source, `uid-${msg.uidValidity}-${msg.uid}@${settings.id}.mailbox.invalid`)));
  // Bytes go into the store before the filing transaction (the store commits its own pieces); a
  // message filed as nothing (duplicate, auto-reply, bounce) releases them again below.
  const files: Array<InboundFiles | undefined> = [];
  for (const [i, m] of parsed.entries()) {
    const msg = msgs[i];
    const stored = store && msg && m.attachments.length > 0 && !(await alreadyClaimed(db, box, msg)) ? await storeInboundAttachments(store, tenantId, m.attachments, now()) : undefined;
    files.push(store ? (stored ?? { stored: [], refused: [] }) : undefined);
  }
  const outcomes = await db.transaction(async (tx) => {
    const seen = batchLookups(tx, box);
    const out: IngestOutcome[] = [];
    for (const [i, m] of parsed.entries()) {
      const msg = msgs[i];
      if (msg) out.push(await fileMessage(tx, seen, box, msg, m, now, files[i]));
    }
    return out;
  });
  if (store) {
    const release = outcomes.flatMap((o, i) => (o.outcome !== 'ticket' && o.outcome !== 'note' ? (files[i]?.stored ?? []).map((f) => f.blob.sha256) : []));
    if (release.length > 0) await store.release(tenantId, release, undefined, now());
  }
  return outcomes;
}

async function alreadyClaimed(db: Db, box: Mailbox, msg: FetchedMessage): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM mail_messages WHERE tenant_id = $1 AND mailbox_id = $2 AND uid_validity = $3 AND uid = $4`, [box.tenantId, box.settings.id, msg.uidValidity, msg.uid]);
  return rows.length > 0;
}

/** What every message of a batch reads the same: the tenant's own sender addresses and its customers (loaded once, on first need). */
type BatchLookups = { senders: () => Promise<string[]>; customers: () => Promise<Awaited<ReturnType<typeof customers>>> };

function batchLookups(tx: Queryable, box: Mailbox): BatchLookups {
  let senders: Promise<string[]> | undefined;
  let known: ReturnType<typeof customers> | undefined;
  return {
    senders: () => (senders ??= tx.query<{ sender: string }>(`SELECT settings->'smtp'->>'from' AS sender FROM mailboxes WHERE tenant_id = $1`, [box.tenantId]).then((rows) => [...rows.map((r) => r.sender), box.settings.smtp.from])),
    customers: () => (known ??= customers(tx, box.tenantId)),
  };
}

async function fileMessage(tx: Queryable, seen: BatchLookups, box: Mailbox, msg: FetchedMessage, m: ParsedMessage, now: () => number, files: InboundFiles | undefined): Promise<IngestOutcome> {
  const { tenantId, settings } = box;
  const claimed = await tx.query(
    `INSERT INTO mail_messages (tenant_id, mailbox_id, uid_validity, uid, message_id, outcome) VALUES ($1, $2, $3, $4, $5, 'rejected') ON CONFLICT DO NOTHING RETURNING 1`,
    [tenantId, settings.id, msg.uidValidity, msg.uid, m.headers.messageId],
  );
  if (claimed.length === 0) return { outcome: 'duplicate' };
  const record = async (o: IngestOutcome): Promise<IngestOutcome> => {
    await tx.query(`UPDATE mail_messages SET outcome = $5, ticket_id = $6, detail = $7 WHERE tenant_id = $1 AND mailbox_id = $2 AND uid_validity = $3 AND uid = $4`, [tenantId, settings.id, msg.uidValidity, msg.uid, o.outcome, o.ticketId ?? null, o.detail ?? '']);
    return o;
  };
  const known = await ownMessageIds(tx, tenantId, [m.headers.messageId, ...m.headers.inReplyTo, ...m.headers.references]);
  const ownIds = new Set((await tx.query<{ message_id: string }>(`SELECT message_id FROM mail_outbound WHERE tenant_id = $1 AND message_id = $2`, [tenantId, m.headers.messageId])).map((r) => r.message_id));
  const kind = classifyInbound(m.headers, { addresses: await seen.senders(), isOwnMessageId: (id) => ownIds.has(id) });
  if (kind !== 'normal') return record({ outcome: kind, detail: `${m.headers.from}: ${m.headers.subject}`.slice(0, 500) });
  if (!m.headers.from) return record({ outcome: 'rejected', detail: 'no sender address' });

  const writer = await mailWriter(tx, tenantId);
  const ticket = await threadOf(tx, tenantId, m, known);
  const t = now();
  if (ticket) {
    const calls: Parameters<typeof writer.run>[0] = [{ name: 'timeline.addNote@1', args: { ticketId: ticket.id, visibility: 'external', text: noteText(m, files) } }];
    if (files) calls.push(...noteAttachmentCalls(ticket.id, writer.nextEventId(0), m.headers.messageId, files));
    // The customer answered: the wait for them is over and the paused clocks run again.
    if (ticket.status === 'waiting_customer') calls.push({ name: 'ticket.changeStatus@1', args: { ticketId: ticket.id, to: 'in_progress', reason: '' } });
    const results = await writer.run(calls, t);
    const bad = results.find((r) => r.status !== 'applied');
    return record({ outcome: 'note', ticketId: ticket.id, ...(bad ? { detail: bad.message ?? bad.status } : {}) });
  }

  const all = await seen.customers();
  const customerId = matchCustomer(m.headers.from, all);
  const customer = all.find((c) => c.id === customerId);
  const d = settings.defaults;
  const policyId = customer?.policyId ?? d.policyId;
  const policy = await findPolicy(tx, tenantId, policyId);
  if (!policy) throw new MailConfigError(`policy "${policyId}" is not defined in this tenant: choose an existing one in the mailbox defaults (Settings › Mail)`);
  const severity = policy.severityLevels.some((l) => l.id === d.severity && !l.aboveTop) ? d.severity : (policy.severityLevels.filter((l) => !l.aboveTop).at(-1)?.id ?? d.severity);
  const id = writer.nextTicketId();
  const description = [m.text, attachmentLines(m, files)].filter((s) => s.length > 0).join('\n\n').slice(0, DESCRIPTION_MAX);
  const newTicket: Ticket = {
    id,
    title: (m.headers.subject || m.text.split('\n').find((l) => l.trim()) || m.headers.from).slice(0, 300).trim() || m.headers.from,
    description,
    channel: 'email',
    customerId: customer?.id ?? UNKNOWN_SENDER_CUSTOMER,
    contactName: m.fromName,
    contactEmail: m.headers.from,
    contactPhone: '',
    productLine: d.productLine,
    product: d.product,
    productVersion: '',
    region: customer?.region ?? d.region,
    policyId,
    severity,
    impact: d.impact,
    urgency: d.urgency,
    priority: initialPriority(policy, d.impact, d.urgency, customer?.tier),
    status: 'received',
    escalationLevel: 0,
    onSite: false,
    intake: {},
    sla: { severityHistory: [{ at: t, severity }], pauses: [], customerUpdates: [] },
    createdAt: t,
    updatedAt: t,
    createdBy: '',
  };
  // The mail itself also opens the timeline, as every later customer mail does: agents read the conversation in one place.
  const noteId = writer.nextEventId(1);
  const [r, ...rest] = await writer.run([{ name: 'ticket.create@1', args: { ticket: newTicket } }, { name: 'timeline.addNote@1', args: { ticketId: id, visibility: 'external', text: noteText(m, files) } }, ...(files ? noteAttachmentCalls(id, noteId, m.headers.messageId, files) : [])], t);
  if (r?.status !== 'applied') return record({ outcome: 'rejected', detail: r?.message ?? 'the ticket could not be created' });
  const bad = rest.find((x) => x.status !== 'applied');
  const detail = [customer ? '' : 'unknown sender: in the mail triage queue', bad ? (bad.message ?? bad.status) : ''].filter(Boolean).join('; ');
  return record({ outcome: 'ticket', ticketId: id, ...(detail ? { detail } : {}) });
}
