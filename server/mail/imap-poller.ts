import { ImapFlow } from 'imapflow';
import type { MailboxSettings } from '../../shared/mail';
import type { AttachmentStore } from '../attachments';
import type { Db } from '../db/types';
import { ingestBatch, INGEST_BATCH, MailConfigError, type FetchedMessage, type IngestOutcome, type Mailbox } from './ingest';

/** An IMAP connection for a mailbox. `none` refuses STARTTLS (test servers on loopback); `starttls` demands it. */
export function imapClient(s: MailboxSettings['imap'], password: string): ImapFlow {
  return new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    doSTARTTLS: s.security === 'starttls' ? true : s.security === 'none' ? false : undefined,
    auth: { user: s.user, pass: password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 15_000,
  });
}

export type PollReport = { fetched: number; outcomes: IngestOutcome[] };

/**
 * Fetches what arrived since the last poll and files each message (ingestMessage decides, exactly
 * once). The UID cursor only saves work: were it lost or stale, the bookkeeping rows still stop a
 * message from being filed twice. A new UIDVALIDITY (folder rebuilt) starts the cursor over.
 */
export async function pollMailbox(db: Db, box: Mailbox, password: string, now: () => number, store?: AttachmentStore): Promise<PollReport> {
  const { tenantId, settings } = box;
  const client = imapClient(settings.imap, password);
  await client.connect();
  const report: PollReport = { fetched: 0, outcomes: [] };
  try {
    const lock = await client.getMailboxLock(settings.imap.folder);
    try {
      const opened = client.mailbox;
      const uidValidity = Number(opened ? opened.uidValidity : 0n);
      const [row] = await db.query<{ uid_validity: string | null; last_uid: string }>(`SELECT uid_validity, last_uid FROM mailboxes WHERE tenant_id = $1 AND id = $2`, [tenantId, settings.id]);
      const from = row && Number(row.uid_validity) === uidValidity ? Number(row.last_uid) + 1 : 1;
      // Messages are filed in batches (one parse round and one transaction each); the cursor moves after each batch.
      let batch: FetchedMessage[] = [];
      const file = async (): Promise<void> => {
        if (batch.length === 0) return;
        const filing = batch;
        batch = [];
        report.outcomes.push(...(await ingestBatch(db, box, filing, now, store)));
        const lastUid = Math.max(...filing.map((f) => f.uid));
        await db.query(`UPDATE mailboxes SET uid_validity = $3, last_uid = greatest(CASE WHEN uid_validity = $3 THEN last_uid ELSE 0 END, $4) WHERE tenant_id = $1 AND id = $2`, [tenantId, settings.id, uidValidity, lastUid]);
      };
      if (opened && opened.exists > 0) {
        for await (const msg of client.fetch(`${from}:*`, { uid: true, source: true }, { uid: true })) {
          // `n:*` also names the newest message when nothing is newer than n.
          if (msg.uid < from || !msg.source) continue;
          report.fetched++;
          batch.push({ uidValidity, uid: msg.uid, source: msg.source });
          if (batch.length >= INGEST_BATCH) await file();
        }
        await file();
      }
      await db.query(`UPDATE mailboxes SET uid_validity = $3, last_poll_at = now(), last_error = '' WHERE tenant_id = $1 AND id = $2`, [tenantId, settings.id, uidValidity]);
    } finally {
      lock.release();
    }
  } catch (e) {
    const why = e instanceof MailConfigError ? e.message : `IMAP: ${e instanceof Error ? e.message : String(e)}`;
    await db.query(`UPDATE mailboxes SET last_poll_at = now(), last_error = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, settings.id, why.slice(0, 500)]);
    throw e;
  } finally {
    await client.logout().catch(() => client.close());
  }
  return report;
}

/** Signs in and opens the folder: the admin's "Test connection". Resolves with the number of messages in it. */
export async function testImap(s: MailboxSettings['imap'], password: string): Promise<number> {
  const client = imapClient(s, password);
  await client.connect();
  try {
    const box = await client.mailboxOpen(s.folder, { readOnly: true });
    return box.exists;
  } finally {
    await client.logout().catch(() => client.close());
  }
}
