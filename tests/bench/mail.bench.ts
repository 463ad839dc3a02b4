// Mail ingest: 1,000 customer mails in a real dovecot, filed into tickets by the server's poller
// (parse, classify, thread, create ticket + note in PostgreSQL-compatible storage), next to the raw
// IMAP fetch rate of the same messages in the same run: the cost the desk adds on top of IMAP.
import { ImapFlow } from 'imapflow';
import { createPgliteDb } from '../../server/db/pglite';
import { migrate } from '../../server/db/migrate';
import { pollMailbox } from '../../server/mail/imap-poller';
import { saveMailbox } from '../../server/mail/mailbox-store';
import { dovecotAvailable, startDovecot } from '../mail/dovecot.test-support';
import { startSmtpSink } from '../mail/smtp.test-support';
import { customerMail, MAILBOX_PASSWORD, MAILBOX_USER, mailboxSave, mailWorld, TENANT } from '../mail/mail-test-setup';

const MESSAGES = 1000;

export async function run(): Promise<void> {
  if (!dovecotAvailable) {
    console.log('skipped: dovecot is not installed (apt-get install dovecot-imapd)');
    return;
  }
  const [imap, smtp, db] = await Promise.all([startDovecot({ [MAILBOX_USER]: MAILBOX_PASSWORD }), startSmtpSink(), createPgliteDb()]);
  try {
    await migrate(db);
    const w = await mailWorld(db);
    await saveMailbox(db, TENANT, mailboxSave(imap, smtp), w.secrets);
    const c = imap.client(MAILBOX_USER);
    await c.connect();
    for (let i = 0; i < MESSAGES; i++) {
      const from = i % 2 === 0 ? `casey${i}@customer.example.com` : `pat${i}@unknown.example.org`;
      await c.append('INBOX', customerMail({ from, subject: `Issue ${i}`, text: `Line one of message ${i}.\nLine two with some detail about the fault.`, messageId: `bench-${i}@customer.example.com` }));
    }
    await c.logout();

    const raw = new ImapFlow({ host: imap.host, port: imap.port, secure: false, doSTARTTLS: false, auth: { user: MAILBOX_USER, pass: MAILBOX_PASSWORD }, logger: false });
    await raw.connect();
    const lock = await raw.getMailboxLock('INBOX');
    let bytes = 0;
    const t0 = performance.now();
    for await (const m of raw.fetch('1:*', { uid: true, source: true })) bytes += m.source?.length ?? 0;
    const rawMs = performance.now() - t0;
    lock.release();
    await raw.logout();

    const t1 = performance.now();
    const report = await pollMailbox(db, await w.box(), MAILBOX_PASSWORD, Date.now);
    const ingestMs = performance.now() - t1;
    const tickets = report.outcomes.filter((o) => o.outcome === 'ticket').length;
    const rate = (ms: number) => Math.round((MESSAGES / ms) * 1000);
    console.log(`raw IMAP fetch: ${MESSAGES} messages (${Math.round(bytes / 1024)} KiB) in ${Math.round(rawMs)} ms = ${rate(rawMs)} messages/s`);
    console.log(`ingest into tickets: ${tickets} tickets from ${report.fetched} messages in ${Math.round(ingestMs)} ms = ${rate(ingestMs)} messages/s (${(ingestMs / rawMs).toFixed(1)}x the raw fetch time)`);
    if (tickets !== MESSAGES) throw new Error(`expected ${MESSAGES} tickets, got ${tickets}`);
  } finally {
    await Promise.all([imap.stop(), smtp.stop()]);
    await db.close();
  }
}
