import type { AttachmentStore } from '../attachments';
import type { Db } from '../db/types';
import { POKE_CHANNEL } from '../push-rows';
import { imapClient, pollMailbox } from './imap-poller';
import { openMailboxes, type OpenMailbox } from './mailbox-store';
import type { SecretBox } from './secret-box';
import { sendQueuedMail } from './smtp-sender';

export type MailServiceOptions = {
  db: Db;
  secrets: SecretBox;
  now?: () => number;
  /** Seconds between polls of every mailbox (IDLE wakes a poll sooner where the server offers it). */
  pollSeconds?: number;
  /** Keep an IDLE connection per mailbox so new mail is filed within seconds. */
  idle?: boolean;
  log?: (message: string) => void;
  /** Where the bytes of mail attachments go (in and out); without it inbound files are only named in the note. */
  store?: AttachmentStore;
};

const keyOf = (b: OpenMailbox) => `${b.tenantId}/${b.settings.id}`;

/**
 * The server's mail work as one service with start/stop: polls each enabled mailbox, keeps IDLE
 * connections that wake a poll when mail arrives, and sends queued mail whenever any instance
 * commits a change (the sync poke) and on every poll tick. Any number of instances may run it:
 * the database decides who files or sends each message.
 */
export function startMailService(o: MailServiceOptions): { stop: () => Promise<void>; pollNow: () => Promise<void> } {
  const now = o.now ?? Date.now;
  const log = o.log ?? ((m: string) => console.warn(`[mail] ${m}`));
  let stopped = false;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const watchers = new Map<string, { close: () => void }>();

  const poll = (box: OpenMailbox): Promise<void> => {
    const k = keyOf(box);
    const busy = running.get(k);
    if (busy) {
      again.add(k);
      return busy;
    }
    const run = (async () => {
      do {
        again.delete(k);
        try {
          await pollMailbox(o.db, box, box.secrets.imap, now, o.store);
        } catch (e) {
          log(`${k}: ${e instanceof Error ? e.message : String(e)}`);
        }
      } while (again.has(k) && !stopped);
    })().finally(() => running.delete(k));
    running.set(k, run);
    return run;
  };

  let sending: Promise<void> | undefined;
  let sendAgain = false;
  const send = (): Promise<void> => {
    if (sending) {
      sendAgain = true;
      return sending;
    }
    sending = (async () => {
      do {
        sendAgain = false;
        try {
          while (!stopped && (await sendQueuedMail(o.db, o.secrets, now, 20, o.store)).length > 0);
        } catch (e) {
          log(`sending: ${e instanceof Error ? e.message : String(e)}`);
        }
      } while (sendAgain && !stopped);
    })().finally(() => (sending = undefined));
    return sending;
  };

  const watch = (box: OpenMailbox) => {
    const k = keyOf(box);
    if (watchers.has(k) || !o.idle) return;
    const client = imapClient(box.settings.imap, box.secrets.imap);
    const close = () => void client.logout().catch(() => client.close());
    watchers.set(k, { close });
    client.on('exists', () => void poll(box));
    client.on('close', () => watchers.delete(k));
    client.on('error', (e: Error) => log(`${k} IDLE: ${e.message}`));
    void (async () => {
      try {
        await client.connect();
        await client.mailboxOpen(box.settings.imap.folder, { readOnly: true });
        while (!stopped && client.usable) await client.idle();
      } catch (e) {
        log(`${k} IDLE unavailable, polling only: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        watchers.delete(k);
        close();
      }
    })();
  };

  const tick = async () => {
    const boxes = await openMailboxes(o.db, o.secrets).catch((e: unknown) => {
      log(`reading mailboxes: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    });
    for (const [k, w] of watchers) if (!boxes.some((b) => keyOf(b) === k)) w.close();
    for (const b of boxes) watch(b);
    await Promise.all([...boxes.map(poll), send()]);
  };

  const timer = setInterval(() => void tick(), (o.pollSeconds ?? 60) * 1000);
  let unlisten: (() => Promise<void>) | undefined;
  void o.db.listen(POKE_CHANNEL, () => void send()).then((u) => {
    if (stopped) void u();
    else unlisten = u;
  });
  void tick();

  return {
    pollNow: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const w of watchers.values()) w.close();
      await unlisten?.();
      await Promise.all([...running.values(), sending]);
    },
  };
}
