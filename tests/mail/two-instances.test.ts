import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollMailbox } from '../../server/mail/imap-poller';
import { saveMailbox } from '../../server/mail/mailbox-store';
import { sendQueuedMail } from '../../server/mail/smtp-sender';
import type { Db } from '../../server/db/types';
import { hasPostgres, postgresDb, startPostgres } from '../sync/harness';
import { dovecotAvailable, startDovecot, type Dovecot } from './dovecot.test-support';
import { startSmtpSink, type SmtpSink } from './smtp.test-support';
import { customerMail, MAILBOX_PASSWORD, MAILBOX_USER, mailboxSave, mailWorld, pushAs, TENANT, tickets, type MailWorld } from './mail-test-setup';

// Two sync server instances on one PostgreSQL poll the same mailbox and drain the same outbox at
// the same moment: every message becomes exactly one ticket and every mail leaves exactly once.

describe.skipIf(!dovecotAvailable || !hasPostgres)('two server instances share one mailbox (PostgreSQL)', () => {
  let pg: { url: string; stop: () => void };
  let a: Db;
  let b: Db;
  let imap: Dovecot;
  let smtp: SmtpSink;
  let w: MailWorld;

  beforeAll(async () => {
    pg = await startPostgres();
    [a, imap, smtp] = await Promise.all([postgresDb(pg.url), startDovecot({ [MAILBOX_USER]: MAILBOX_PASSWORD }), startSmtpSink()]);
    b = await postgresDb(pg.url);
    w = await mailWorld(a);
    await saveMailbox(a, TENANT, mailboxSave(imap, smtp), w.secrets);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop(), a?.close(), b?.close()]);
    pg?.stop();
  });

  it('each message is filed once however the two instances interleave', async () => {
    for (let i = 1; i <= 12; i++) await imap.deliver(MAILBOX_USER, customerMail({ subject: `Parallel ${i}`, text: `body ${i}`, messageId: `par-${i}@customer.example.com` }));
    const box = await w.box();
    const [ra, rb] = await Promise.all([pollMailbox(a, box, MAILBOX_PASSWORD, Date.now), pollMailbox(b, box, MAILBOX_PASSWORD, Date.now)]);
    const filed = [...ra.outcomes, ...rb.outcomes].filter((o) => o.outcome === 'ticket').length;
    expect(filed).toBe(12);
    const titles = (await tickets(a)).map((t) => t.title).sort();
    expect(titles).toEqual([...new Set(titles)]);
    expect(titles.length).toBe(12);
  });

  it('each queued mail is sent once when both instances drain the outbox together', async () => {
    const ts = await tickets(a);
    for (const t of ts.slice(0, 6)) await pushAs(a, w.agent, 'mail.send@1', { ticketId: t.id, to: ['casey@customer.example.com'], subject: `About ${t.title}`, text: 'Working on it.' });
    const [sa, sb] = await Promise.all([sendQueuedMail(a, w.secrets, Date.now, 3), sendQueuedMail(b, w.secrets, Date.now, 3)]);
    const more = [...(await sendQueuedMail(a, w.secrets, Date.now)), ...(await sendQueuedMail(b, w.secrets, Date.now))];
    expect([...sa, ...sb, ...more].filter((r) => r.outcome === 'sent').length).toBe(6);
    await smtp.waitFor(6);
    await new Promise((r) => setTimeout(r, 300));
    const subjects = smtp.received.map((m) => m.parsed.subject);
    expect(subjects.length).toBe(6);
    expect(new Set(subjects).size).toBe(6);
  });
});
