import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollMailbox } from '../../server/mail/imap-poller';
import { INGEST_BATCH } from '../../server/mail/ingest';
import { sendQueuedMail } from '../../server/mail/smtp-sender';
import type { Db } from '../../server/db/types';
import { UNKNOWN_SENDER_CUSTOMER } from '../../shared/mail';
import { memoryDb } from '../sync/harness';
import { dovecotAvailable, startDovecot, type Dovecot } from './dovecot.test-support';
import { startSmtpSink, type SmtpSink } from './smtp.test-support';
import { customerMail, MAILBOX_PASSWORD, MAILBOX_USER, mailboxSave, mailWorld, pushAs, tickets, timeline, type MailWorld } from './mail-test-setup';

// The whole mail round trip against real servers on 127.0.0.1: dovecot for IMAP, an SMTP server
// in process, the sync server's own database. Every assertion is what a desk would notice.

describe.skipIf(!dovecotAvailable)('support mailbox (dovecot + SMTP)', () => {
  let db: Db;
  let imap: Dovecot;
  let smtp: SmtpSink;
  let w: MailWorld;
  const poll = async () => pollMailbox(db, await w.box(), MAILBOX_PASSWORD, Date.now);

  beforeAll(async () => {
    [db, imap, smtp] = await Promise.all([memoryDb(), startDovecot({ [MAILBOX_USER]: MAILBOX_PASSWORD }), startSmtpSink()]);
    w = await mailWorld(db);
    const token = await w.token(w.admin);
    const res = await w.server.fetch(new Request('http://test/admin/mailboxes/support', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(mailboxSave(imap, smtp)) }));
    expect(res.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop()]);
    await db?.close();
  });

  it('keeps the passwords out of the database and the API, and only admins may see mailboxes', async () => {
    const [row] = await db.query<{ secret: string; settings: unknown }>('SELECT secret, settings FROM mailboxes');
    expect(row?.secret).not.toContain(MAILBOX_PASSWORD);
    expect(JSON.stringify(row?.settings)).not.toContain(MAILBOX_PASSWORD);
    const list = await w.server.fetch(new Request('http://test/admin/mailboxes', { headers: { authorization: `Bearer ${await w.token(w.admin)}` } }));
    const text = await list.text();
    expect(text).toContain('"hasImapPassword":true');
    expect(text).not.toContain(MAILBOX_PASSWORD);
    const asAgent = await w.server.fetch(new Request('http://test/admin/mailboxes', { headers: { authorization: `Bearer ${await w.token(w.agent)}` } }));
    expect(asAgent.status).toBe(403);
  });

  it('the connection test signs in to both servers, and names the failure for a wrong password', async () => {
    const token = await w.token(w.admin);
    const test = async (body: unknown) => (await w.server.fetch(new Request('http://test/admin/mailboxes/test', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }))).json() as Promise<{ imap: { ok: boolean; message: string }; smtp: { ok: boolean } }>;
    const good = await test({ ...mailboxSave(imap, smtp), imapPassword: '', smtpPassword: '' });
    expect(good.imap.ok).toBe(true);
    expect(good.smtp.ok).toBe(true);
    const bad = await test({ ...mailboxSave(imap, smtp), imapPassword: 'wrong-password' });
    expect(bad.imap.ok).toBe(false);
    expect(bad.imap.message).not.toBe('');
  });

  it('a new customer mail becomes a ticket for their customer; an unknown sender lands in triage', async () => {
    await imap.deliver(MAILBOX_USER, customerMail({ subject: 'Router R9 drops packets', text: 'Since 09:00 the R9 drops 5% of packets.', messageId: 'first-1@customer.example.com' }));
    await imap.deliver(MAILBOX_USER, customerMail({ from: 'pat@unknown.example.org', subject: 'Question about invoices', text: 'Who do I ask?', messageId: 'stranger-1@unknown.example.org' }));
    const r = await poll();
    expect(r.outcomes.map((o) => o.outcome)).toEqual(['ticket', 'ticket']);
    const all = await tickets(db);
    const known = all.find((t) => t.title === 'Router R9 drops packets');
    expect(known).toMatchObject({ customerId: 'cust-globex', channel: 'email', contactEmail: 'casey@customer.example.com', contactName: 'Casey Customer', status: 'received' });
    expect(known?.description).toContain('drops 5% of packets');
    expect(all.find((t) => t.title === 'Question about invoices')?.customerId).toBe(UNKNOWN_SENDER_CUSTOMER);
  });

  it('a reply threads to its ticket by subject or by In-Reply-To and ends the wait for the customer', async () => {
    const ticket = (await tickets(db)).find((t) => t.title === 'Router R9 drops packets');
    if (!ticket) throw new Error('no ticket');
    await pushAs(db, w.agent, 'ticket.changeStatus@1', { ticketId: ticket.id, to: 'acknowledged' });
    await pushAs(db, w.agent, 'ticket.changeStatus@1', { ticketId: ticket.id, to: 'waiting_customer' });
    expect((await tickets(db)).find((t) => t.id === ticket.id)?.status).toBe('waiting_customer');
    await imap.deliver(MAILBOX_USER, customerMail({ subject: `Re: [${ticket.id}] Router R9 drops packets`, text: 'Here are the logs you asked for.\n\nOn Sun, 6 Dec 2026 at 10:00, Support <support@example.com> wrote:\n> Please send logs', messageId: 'reply-1@customer.example.com' }));
    await imap.deliver(MAILBOX_USER, customerMail({ subject: 'one more thing', text: 'It also reboots at night.', messageId: 'reply-2@customer.example.com', extra: 'In-Reply-To: <first-1@customer.example.com>' }));
    const r = await poll();
    expect(r.outcomes).toEqual([{ outcome: 'note', ticketId: ticket.id }, { outcome: 'note', ticketId: ticket.id }]);
    const notes = (await timeline(db, ticket.id)).filter((e) => e.kind === 'note');
    // The first mail opened the conversation; the two replies follow it.
    expect(notes.map((n) => n.kind === 'note' && n.visibility)).toEqual(['external', 'external', 'external']);
    expect(notes[0]?.kind === 'note' && notes[0].text).toContain('Since 09:00 the R9 drops 5% of packets.');
    const first = notes[1]?.kind === 'note' ? notes[1].text : '';
    expect(first).toContain('Here are the logs you asked for.');
    // The quoted history is folded away, not repeated in the note.
    expect(first).not.toContain('Please send logs');
    const now = (await tickets(db)).find((t) => t.id === ticket.id);
    expect(now?.status).toBe('in_progress');
    expect(now?.sla.pauses.at(-1)?.to).toBeTypeOf('number');
    expect((await tickets(db)).length).toBe(2);
  });

  it('auto-replies, bounces and our own mail coming back create nothing and leave clocks alone', async () => {
    const before = JSON.stringify(await tickets(db));
    await imap.deliver(MAILBOX_USER, customerMail({ subject: 'Out of office', text: 'I am away until Monday.', messageId: 'ooo-1@customer.example.com', extra: 'Auto-Submitted: auto-replied' }));
    await imap.deliver(MAILBOX_USER, customerMail({ subject: 'Re: your mail', text: 'Thanks, we got it.', messageId: 'ar-2@customer.example.com', extra: 'X-Autoreply: yes' }));
    await imap.deliver(
      MAILBOX_USER,
      ['From: Mail Delivery System <MAILER-DAEMON@mx.customer.example.com>', `To: ${MAILBOX_USER}`, 'Subject: Undelivered Mail Returned to Sender', 'Message-ID: <dsn-1@mx.customer.example.com>', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '', 'Delivery failed.', '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.customer.example.com', '', 'Final-Recipient: rfc822; nobody@customer.example.com', 'Action: failed', 'Status: 5.1.1', '--b1--', ''].join('\r\n'),
    );
    await imap.deliver(MAILBOX_USER, customerMail({ from: MAILBOX_USER, subject: 'loop', text: 'our own mail', messageId: 'loop-1@example.com' }));
    const r = await poll();
    expect(r.outcomes.map((o) => o.outcome)).toEqual(['auto_reply', 'auto_reply', 'bounce', 'loop']);
    expect(JSON.stringify(await tickets(db))).toBe(before);
  });

  it('HTML mail shows as text: scripts, tags and handlers never reach a ticket', async () => {
    await imap.deliver(
      MAILBOX_USER,
      ['From: casey@customer.example.com', `To: ${MAILBOX_USER}`, 'Subject: Screenshot attached', 'Message-ID: <html-1@customer.example.com>', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', '<html><body><p>The <b>console</b> says:</p><script>alert("x")</script><img src="x" onerror="steal()"><a href="javascript:evil()">click</a></body></html>', ''].join('\r\n'),
    );
    await poll();
    const t = (await tickets(db)).find((x) => x.title === 'Screenshot attached');
    expect(t?.description).toContain('console');
    expect(t?.description).not.toMatch(/<|alert|onerror|steal/);
  });

  it('a domain an admin adds to a customer in the app files that domain\'s next mail under the customer', async () => {
    const [row] = await db.query<{ data: Record<string, unknown> }>(`SELECT data FROM entities WHERE tbl = 'customers' AND id = 'cust-globex'`);
    // The change the app's Settings › Mail makes, pushed as a device would; a malformed entry is refused and changes nothing.
    const bad = await pushAs(db, w.admin, 'config.put@1', { table: 'customers', row: { ...row?.data, emailDomains: ['customer.example.com', 'not a domain'] } });
    expect(bad.results[0]?.status).toBe('rejected');
    const good = await pushAs(db, w.admin, 'config.put@1', { table: 'customers', row: { ...row?.data, emailDomains: ['customer.example.com', 'globex-branch.example.net'] } });
    expect(good.results[0]?.status).toBe('applied');
    await imap.deliver(MAILBOX_USER, customerMail({ from: 'kim@globex-branch.example.net', subject: 'Branch office link down', text: 'The branch lost its uplink.', messageId: 'branch-1@globex-branch.example.net' }));
    await poll();
    expect((await tickets(db)).find((t) => t.title === 'Branch office link down')).toMatchObject({ customerId: 'cust-globex', contactEmail: 'kim@globex-branch.example.net' });
  });

  it('a mid-poll crash and a restart file every message exactly once', async () => {
    const total = INGEST_BATCH + 4;
    for (let i = 1; i <= total; i++) await imap.deliver(MAILBOX_USER, customerMail({ subject: `Batch ${i}`, text: `message ${i}`, messageId: `batch-${i}@customer.example.com` }));
    let calls = 0;
    // Each message asks the clock once as it is filed: the power goes in the second batch.
    const crashing = () => {
      if (++calls === INGEST_BATCH + 2) throw new Error('power cut');
      return Date.now();
    };
    const batchTickets = async () => (await tickets(db)).filter((t) => t.title.startsWith('Batch'));
    await expect(pollMailbox(db, await w.box(), MAILBOX_PASSWORD, crashing)).rejects.toThrow('power cut');
    // The first batch committed whole; the batch the crash hit was taken back whole, bookkeeping included.
    expect(await batchTickets()).toHaveLength(INGEST_BATCH);
    expect(await db.query(`SELECT 1 FROM mail_messages WHERE message_id LIKE 'batch-%'`)).toHaveLength(INGEST_BATCH);
    // The restarted service starts over from a lost cursor: the bookkeeping still stops repeats.
    await db.query('UPDATE mailboxes SET last_uid = 0');
    const again = await poll();
    expect(again.outcomes.filter((o) => o.outcome === 'ticket').length).toBe(4);
    // Everything filed before (this batch and earlier tests' mail) is read again and recognised.
    expect(again.outcomes.filter((o) => o.outcome === 'duplicate').length).toBe(again.fetched - 4);
    const titles = (await batchTickets()).map((t) => t.title);
    expect(titles.sort()).toEqual(Array.from({ length: total }, (_, i) => `Batch ${i + 1}`).sort());
  });

  it('an update sent from the ticket arrives with threading headers and meets the cadence and first-response clocks', async () => {
    const ticket = (await tickets(db)).find((t) => t.title === 'Question about invoices');
    if (!ticket) throw new Error('no ticket');
    expect(ticket.sla.respondedAt).toBeUndefined();
    const queued = await pushAs(db, w.agent, 'mail.send@1', { ticketId: ticket.id, to: ['pat@unknown.example.org'], subject: 'Your question', text: 'Billing will call you today.', purpose: 'customer_update' });
    expect(queued.results[0]?.status).toBe('applied');
    const before = Date.now();
    const sent = await sendQueuedMail(db, w.secrets, Date.now);
    expect(sent).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['pat@unknown.example.org']);
    expect(mail?.parsed.subject).toBe(`[${ticket.id}] Your question`);
    expect(mail?.parsed.inReplyTo).toBe('<stranger-1@unknown.example.org>');
    expect(mail?.parsed.messageId).toMatch(/^<sd\.[0-9a-f-]+@example\.com>$/);
    expect(mail?.parsed.text?.trim()).toBe('Billing will call you today.');
    const after = (await tickets(db)).find((t) => t.id === ticket.id);
    expect(after?.sla.customerUpdates.length).toBe(1);
    expect(after?.sla.customerUpdates[0]).toBeGreaterThanOrEqual(before);
    expect(after?.sla.respondedAt).toBe(after?.sla.customerUpdates[0]);
    const events = (await timeline(db, ticket.id)).filter((e) => e.kind === 'mail');
    expect(events.map((e) => e.kind === 'mail' && e.status)).toEqual(['queued', 'sent']);

    // The customer answers our mail without the ticket id in the subject: In-Reply-To threads it.
    await imap.deliver(MAILBOX_USER, customerMail({ from: 'pat@unknown.example.org', subject: 'Re: Your question', text: 'Thanks!', messageId: 'stranger-2@unknown.example.org', extra: `In-Reply-To: ${mail?.parsed.messageId ?? ''}` }));
    const r = await poll();
    expect(r.outcomes).toEqual([{ outcome: 'note', ticketId: ticket.id }]);
  });

  it('a send the SMTP server refuses is shown as failed with the reason and meets no clock', async () => {
    const ticket = (await tickets(db)).find((t) => t.title === 'Batch 1');
    if (!ticket) throw new Error('no ticket');
    smtp.refuse.add('gone@customer.example.com');
    await pushAs(db, w.agent, 'mail.send@1', { ticketId: ticket.id, to: ['gone@customer.example.com'], subject: 'Update', text: 'We are on it.' });
    const [r] = await sendQueuedMail(db, w.secrets, Date.now);
    expect(r?.outcome).toBe('failed');
    const failed = (await timeline(db, ticket.id)).find((e) => e.kind === 'mail' && e.status === 'failed');
    expect(failed?.kind === 'mail' && failed.reason).toMatch(/does not exist/);
    expect((await tickets(db)).find((t) => t.id === ticket.id)?.sla.customerUpdates).toEqual([]);
  });

  it('refuses a subject that would inject headers and a recipient that is not a plain address, changing nothing', async () => {
    const ticket = (await tickets(db))[0];
    if (!ticket) throw new Error('no ticket');
    const before = await db.query('SELECT count(*) AS n FROM mail_outbound');
    const a = await pushAs(db, w.agent, 'mail.send@1', { ticketId: ticket.id, to: ['pat@unknown.example.org'], subject: 'Hi\r\nBcc: victim@example.com', text: 'x' });
    const b = await pushAs(db, w.agent, 'mail.send@1', { ticketId: ticket.id, to: ['Pat <pat@unknown.example.org>, victim@example.com'], subject: 'Hi', text: 'x' });
    expect([a.results[0]?.status, b.results[0]?.status]).toEqual(['rejected', 'rejected']);
    expect(await db.query('SELECT count(*) AS n FROM mail_outbound')).toEqual(before);
  });
});
