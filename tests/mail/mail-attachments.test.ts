import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentStore, type AttachmentStore } from '../../server/attachments';
import { pollMailbox } from '../../server/mail/imap-poller';
import { saveMailbox } from '../../server/mail/mailbox-store';
import { sendQueuedMail } from '../../server/mail/smtp-sender';
import type { Db } from '../../server/db/types';
import { ticketAttachmentsSchema, type AttachmentRef } from '../../shared/attachments';
import { memoryDb } from '../sync/harness';
import { dovecotAvailable, startDovecot, type Dovecot } from './dovecot.test-support';
import { startSmtpSink, type SmtpSink } from './smtp.test-support';
import { CUSTOMER_DOMAIN, MAILBOX_PASSWORD, MAILBOX_USER, mailboxSave, mailWorld, pushAs, TENANT, tickets, timeline, type MailWorld } from './mail-test-setup';

// Files travel with mail: what a customer attaches is stored byte for byte in the tenant's
// attachment store and hangs on the note the mail becomes; what the store refuses is named.

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(600)]);
const LOG = randomBytes(300_000);

/** A multipart mail carrying files as base64 parts, as every mail program sends them. */
export function mailWithFiles(o: { subject: string; messageId: string; text: string; files: Array<{ name: string; type: string; bytes: Buffer }>; extra?: string }): string {
  const b = 'b-' + o.messageId.replace(/\W/g, '');
  const parts = o.files.map((f) => [`--${b}`, `Content-Type: ${f.type}; name="${f.name}"`, `Content-Disposition: attachment; filename="${f.name}"`, 'Content-Transfer-Encoding: base64', '', (f.bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')].join('\r\n'));
  return [
    `From: Casey Customer <casey@${CUSTOMER_DOMAIN}>`, `To: ${MAILBOX_USER}`, `Subject: ${o.subject}`, `Message-ID: <${o.messageId}>`, 'Date: Sun, 06 Dec 2026 10:00:00 +0000', 'MIME-Version: 1.0',
    ...(o.extra ? [o.extra] : []), `Content-Type: multipart/mixed; boundary="${b}"`, '', `--${b}`, 'Content-Type: text/plain; charset=utf-8', '', o.text, ...parts, `--${b}--`, '',
  ].join('\r\n');
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function ticketFiles(db: Db, ticketId: string): Promise<AttachmentRef[]> {
  const [row] = await db.query<{ data: unknown }>(`SELECT data FROM entities WHERE tenant_id = $1 AND tbl = 'attachments' AND id = $2 AND NOT deleted`, [TENANT, ticketId]);
  return row ? ticketAttachmentsSchema.parse(row.data).items : [];
}

describe.skipIf(!dovecotAvailable)('mail attachments (dovecot)', () => {
  let db: Db;
  let imap: Dovecot;
  let smtp: SmtpSink;
  let w: MailWorld;
  let store: AttachmentStore;
  const poll = async (s = store) => pollMailbox(db, await w.box(), MAILBOX_PASSWORD, Date.now, s);

  beforeAll(async () => {
    [db, imap, smtp] = await Promise.all([memoryDb(), startDovecot({ [MAILBOX_USER]: MAILBOX_PASSWORD }), startSmtpSink()]);
    w = await mailWorld(db);
    await saveMailbox(db, TENANT, mailboxSave(imap, smtp), w.secrets);
    store = createAttachmentStore(db);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop()]);
    await db?.close();
  });

  it('files a new mail with its attachments on the note, byte-identical, with safe names', async () => {
    await imap.deliver(MAILBOX_USER, mailWithFiles({
      subject: 'Core switch crash dump', messageId: 'files-1@customer.example.com', text: 'Dump and a photo attached.',
      files: [{ name: 'crash.log', type: 'application/octet-stream', bytes: LOG }, { name: '..\\..\\photo\u202egnp.exe', type: 'image/png', bytes: PNG }],
    }));
    const r = await poll();
    expect(r.outcomes.map((o) => o.outcome)).toEqual(['ticket']);
    const ticket = (await tickets(db)).find((t) => t.title === 'Core switch crash dump');
    if (!ticket) throw new Error('no ticket');
    const note = (await timeline(db, ticket.id)).find((e) => e.kind === 'note');
    const files = await ticketFiles(db, ticket.id);
    expect(files.map((f) => [f.name, f.owner])).toEqual([['crash.log', { kind: 'note', id: note?.id }], ['photognp.exe', { kind: 'note', id: note?.id }]]);
    // Bytes out of the store equal the bytes the customer sent; the type comes from the bytes.
    for (const [f, sent] of [[files[0], LOG], [files[1], PNG]] as const) {
      const got = await store.get(TENANT, f?.sha256 ?? '');
      expect(got && Buffer.from(got.bytes).equals(sent)).toBe(true);
      expect(f?.sha256).toBe(sha(sent));
    }
    expect(files[1]?.type).toBe('image/png');
    expect((await store.usage(TENANT)).usedBytes).toBe(LOG.length + PNG.length);
  });

  it('a reply carrying the same file again adds it to the new note but stores the bytes once', async () => {
    const ticket = (await tickets(db)).find((t) => t.title === 'Core switch crash dump');
    if (!ticket) throw new Error('no ticket');
    await imap.deliver(MAILBOX_USER, mailWithFiles({ subject: `Re: [${ticket.id}] Core switch crash dump`, messageId: 'files-2@customer.example.com', text: 'Same log again.', files: [{ name: 'crash.log', type: 'text/plain', bytes: LOG }] }));
    expect((await poll()).outcomes).toEqual([{ outcome: 'note', ticketId: ticket.id }]);
    const files = await ticketFiles(db, ticket.id);
    expect(files.length).toBe(3);
    expect(new Set(files.map((f) => f.owner.id)).size).toBe(2);
    expect((await store.usage(TENANT)).usedBytes).toBe(LOG.length + PNG.length);
  });

  it('a file over the size limit is named on the note with the reason; the rest of the mail is filed', async () => {
    const small = createAttachmentStore(db, { maxFileBytes: 100_000 });
    await imap.deliver(MAILBOX_USER, mailWithFiles({ subject: 'Too big', messageId: 'files-3@customer.example.com', text: 'Big dump.', files: [{ name: 'huge.bin', type: 'application/octet-stream', bytes: randomBytes(150_000) }, { name: 'small.png', type: 'image/png', bytes: PNG }] }));
    expect((await poll(small)).outcomes.map((o) => o.outcome)).toEqual(['ticket']);
    const ticket = (await tickets(db)).find((t) => t.title === 'Too big');
    if (!ticket) throw new Error('no ticket');
    expect((await ticketFiles(db, ticket.id)).map((f) => f.name)).toEqual(['small.png']);
    const note = (await timeline(db, ticket.id)).find((e) => e.kind === 'note');
    expect(note?.kind === 'note' && note.text).toMatch(/huge\.bin .*not kept: the file is 146\.5 KB; attachments may be at most 97\.7 KB/);
  });

  it('a reply sent from the ticket carries its files as MIME parts, byte-identical, threaded to the customer', async () => {
    const ticket = (await tickets(db)).find((t) => t.title === 'Core switch crash dump');
    if (!ticket) throw new Error('no ticket');
    const fix = randomBytes(70_000);
    const blob = await store.put(TENANT, fix);
    const add = await pushAs(db, w.agent, 'attachment.add@1', { id: 'att-reply-1', ticketId: ticket.id, owner: { kind: 'mail', id: 'compose-1' }, name: 'firmware-fix.bin', sha256: blob.sha256, size: blob.size, type: blob.type });
    expect(add.results[0]?.status).toBe('applied');
    const queued = await pushAs(db, w.agent, 'mail.send@1', { ticketId: ticket.id, to: [`casey@${CUSTOMER_DOMAIN}`], subject: 'Fix attached', text: 'Please load the attached image.', attachments: [{ sha256: blob.sha256, name: 'firmware-fix.bin' }] });
    expect(queued.results[0]?.status).toBe('applied');
    expect(await sendQueuedMail(db, w.secrets, Date.now, 20, store)).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.parsed.attachments.map((a) => a.filename)).toEqual(['firmware-fix.bin']);
    expect(Buffer.from(mail?.parsed.attachments[0]?.content ?? []).equals(fix)).toBe(true);
    expect(mail?.parsed.text?.trim()).toBe('Please load the attached image.');
    expect(mail?.parsed.inReplyTo).toBe('<files-2@customer.example.com>');
    expect(mail?.parsed.references).toEqual(['<files-1@customer.example.com>', '<files-2@customer.example.com>']);
  });

  it('refuses to mail bytes that are not attached to the ticket, and fails a mail whose file never reached the server', async () => {
    const ticket = (await tickets(db)).find((t) => t.title === 'Too big');
    if (!ticket) throw new Error('no ticket');
    const stranger = await pushAs(db, w.agent, 'mail.send@1', { ticketId: ticket.id, to: [`casey@${CUSTOMER_DOMAIN}`], subject: 'x', text: 'y', attachments: [{ sha256: sha(LOG), name: 'crash.log' }] });
    expect(stranger.results[0]).toMatchObject({ status: 'conflict', message: expect.stringContaining('crash.log is not an attachment of ticket') });
    // Attached on a device whose upload the server refused: the reference exists, the bytes do not.
    const ghost = sha(Buffer.from('never uploaded'));
    await pushAs(db, w.agent, 'attachment.add@1', { id: 'att-ghost', ticketId: ticket.id, owner: { kind: 'mail', id: 'compose-2' }, name: 'ghost.txt', sha256: ghost, size: 14, type: 'application/octet-stream' });
    await pushAs(db, w.agent, 'mail.send@1', { ticketId: ticket.id, to: [`casey@${CUSTOMER_DOMAIN}`], subject: 'Ghost', text: 'See file.', attachments: [{ sha256: ghost, name: 'ghost.txt' }] });
    const before = smtp.received.length;
    expect(await sendQueuedMail(db, w.secrets, Date.now, 20, store)).toEqual([expect.objectContaining({ outcome: 'failed', reason: expect.stringContaining('ghost.txt has not reached the server') })]);
    const failed = (await timeline(db, ticket.id)).find((e) => e.kind === 'mail' && e.status === 'failed');
    expect(failed?.kind === 'mail' && failed.reason).toContain('ghost.txt');
    expect(smtp.received.length).toBe(before);
  });

  it('an RFO sent by e-mail is delivered when it leaves: the RFO clock stops at the send, not at the click', async () => {
    const ticket = (await tickets(db)).find((t) => t.title === 'Core switch crash dump');
    if (!ticket) throw new Error('no ticket');
    // This tenant's policy promises an RFO within 5 days at the ticket's severity.
    const [row] = await db.query<{ data: { severityLevels: Array<{ id: string; targets: Record<string, unknown> }> } }>(`SELECT data FROM entities WHERE tenant_id = $1 AND tbl = 'policies' AND id = $2`, [TENANT, ticket.policyId]);
    if (!row) throw new Error('no policy');
    const policy = { ...row.data, severityLevels: row.data.severityLevels.map((l) => (l.id === ticket.severity ? { ...l, targets: { ...l.targets, rfo: { unit: 'elapsed_minutes', value: 7200 } } } : l)) };
    await db.query(`UPDATE entities SET data = $3 WHERE tenant_id = $1 AND tbl = 'policies' AND id = $2`, [TENANT, ticket.policyId, JSON.stringify(policy)]);
    expect((await pushAs(db, w.agent, 'ticket.requestRfo@1', { ticketId: ticket.id })).results[0]).toMatchObject({ status: 'applied' });
    await pushAs(db, w.agent, 'mail.send@1', { ticketId: ticket.id, to: [`casey@${CUSTOMER_DOMAIN}`], subject: 'Reason for outage', text: 'Root cause: a firmware fault in the line card.', purpose: 'rfo' });
    expect((await tickets(db)).find((t) => t.id === ticket.id)?.sla.rfoDeliveredAt).toBeUndefined();
    const before = Date.now();
    expect(await sendQueuedMail(db, w.secrets, Date.now, 20, store)).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    const after = (await tickets(db)).find((t) => t.id === ticket.id);
    expect(after?.sla.rfoDeliveredAt).toBeGreaterThanOrEqual(before);
    // An RFO is not a customer update: the cadence clock is not met by it.
    expect(after?.sla.customerUpdates).toEqual(ticket.sla.customerUpdates);
    const delivered = (await timeline(db, ticket.id)).find((e) => e.kind === 'rfo' && e.step === 'delivered');
    expect(delivered?.kind === 'rfo' && delivered.document).toBe('Root cause: a firmware fault in the line card.');
  });

  it('an auto-reply with a file files nothing, and its bytes are freed once the grace period for unattached uploads has passed', async () => {
    const afterGrace = Date.now() + store.limits.orphanGraceMs + 60_000;
    const before = await store.usage(TENANT, afterGrace);
    await imap.deliver(MAILBOX_USER, mailWithFiles({ subject: 'Out of office', messageId: 'files-4@customer.example.com', text: 'Away.', extra: 'Auto-Submitted: auto-replied', files: [{ name: 'vcard.bin', type: 'application/octet-stream', bytes: randomBytes(5000) }] }));
    expect((await poll()).outcomes.map((o) => o.outcome)).toEqual(['auto_reply']);
    // Unattached bytes are kept for the grace period like any upload (a mail's second file must
    // not free its first before the note names both); nothing names these, so they go after it.
    expect(await store.usage(TENANT, afterGrace)).toEqual(before);
  });
});
