import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentStore } from '../../server/attachments';
import { saveMailbox } from '../../server/mail/mailbox-store';
import { startMailService } from '../../server/mail/mail-service';
import type { Db } from '../../server/db/types';
import { memoryDb } from '../sync/harness';
import { dovecotAvailable, startDovecot, type Dovecot } from './dovecot.test-support';
import { startSmtpSink, type SmtpSink } from './smtp.test-support';
import { customerMail, MAILBOX_PASSWORD, MAILBOX_USER, mailboxSave, mailWorld, TENANT, tickets } from './mail-test-setup';

// With IDLE the server hears about new mail from dovecot itself: a customer's mail becomes a
// ticket within seconds although the next poll is an hour away.

describe.skipIf(!dovecotAvailable)('new mail through IMAP IDLE (dovecot)', () => {
  let db: Db;
  let imap: Dovecot;
  let smtp: SmtpSink;
  let service: ReturnType<typeof startMailService> | undefined;

  beforeAll(async () => {
    [db, imap, smtp] = await Promise.all([memoryDb(), startDovecot({ [MAILBOX_USER]: MAILBOX_PASSWORD }), startSmtpSink()]);
    const w = await mailWorld(db);
    await saveMailbox(db, TENANT, mailboxSave(imap, smtp), w.secrets);
    service = startMailService({ db, secrets: w.secrets, pollSeconds: 3600, idle: true, store: createAttachmentStore(db), log: () => undefined });
    await service.pollNow();
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await Promise.all([imap?.stop(), smtp?.stop()]);
    await db?.close();
  });

  it('files a mail that arrives while the server waits, without waiting for the poll interval', async () => {
    // Let the IDLE connection settle before the mail arrives.
    await new Promise((r) => setTimeout(r, 1500));
    const sentAt = Date.now();
    await imap.deliver(MAILBOX_USER, customerMail({ subject: 'Fibre cut at the depot', text: 'All links down since 14:00.', messageId: 'idle-1@customer.example.com' }));
    let filed: string | undefined;
    while (!filed && Date.now() - sentAt < 30_000) {
      filed = (await tickets(db)).find((t) => t.title === 'Fibre cut at the depot')?.id;
      if (!filed) await new Promise((r) => setTimeout(r, 200));
    }
    expect(filed).toBeDefined();
    // Far inside the hour-long poll interval: IDLE woke the poll.
    expect(Date.now() - sentAt).toBeLessThan(30_000);
  });
});
