import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Ticket, TimelineEvent } from '../../../shared/ticket';
import type { Customer, Engineer } from '../../../shared/directory';
import type { ConflictRecord, SyncTable } from '../../../shared/sync';
import type { SavedView } from '../../../shared/views';
import type { Draft } from '../../../shared/drafts';
import { moveSyncFactsInline, upgradeOutboxEntries } from './migrations';
import type { AttachmentBytesRow, LooseRow, MetaRow, OutboxEntry, SyncStateRow } from './rows';
import type { TicketAttachments } from '../../../shared/attachments';

export type { AttachmentBytesRow, LooseRow, MetaRow, OutboxEntry, SyncStateRow } from './rows';

/**
 * The local store. Every table the UI reads is here; the UI reads only through live queries
 * so that a local write, a sync pull or another window's write all show up at once.
 */
export class ServiceDeskDb extends Dexie {
  tickets!: EntityTable<Ticket, 'id'>;
  timeline!: EntityTable<TimelineEvent, 'id'>;
  customers!: EntityTable<Customer, 'id'>;
  engineers!: EntityTable<Engineer, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  conflicts!: EntityTable<ConflictRecord, 'id'>;
  visits!: EntityTable<LooseRow, 'id'>;
  policies!: EntityTable<LooseRow, 'id'>;
  calendars!: EntityTable<LooseRow, 'id'>;
  escalationMatrices!: EntityTable<LooseRow, 'id'>;
  warehouse!: EntityTable<LooseRow, 'id'>;
  savedViews!: EntityTable<SavedView, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  syncState!: Table<SyncStateRow, [SyncTable, string]>;
  drafts!: EntityTable<Draft, 'key'>;
  attachments!: EntityTable<TicketAttachments, 'id'>;
  attachmentBytes!: EntityTable<AttachmentBytesRow, 'sha256'>;
  products!: EntityTable<LooseRow, 'id'>;
  sites!: EntityTable<LooseRow, 'id'>;
  assets!: EntityTable<LooseRow, 'id'>;
  contracts!: EntityTable<LooseRow, 'id'>;

  constructor(name = 'service-desk') {
    super(name);
    this.version(1).stores({
      // Every queue is one range of a [key+dueAt] index, sorted by the nearest SLA target; the
      // keys (dueAt, qOwner, qOnSite, qEDown, qWords) are derived on write by the queue-keys
      // middleware (queue-keys.ts, which names them in ticketIndex). Keep these indexes: the queues depend on them.
      tickets:
        'id, status, severity, priority, ownerId, customerId, productLine, region, createdAt, updatedAt, dueAt, *qWords, ' +
        '[qOwner+dueAt], [status+dueAt], [qEDown+dueAt], [qOnSite+dueAt], [productLine+dueAt], [region+dueAt], [customerId+dueAt]',
      timeline: 'id, ticketId, [ticketId+at], *qWords',
      customers: 'id, name, region',
      engineers: 'id, role, region',
      meta: 'key',
    });
    // v2: sync. Existing tables and indexes are unchanged, so v1 data and the UI's queries carry over.
    this.version(2).stores({
      conflicts: 'id, ticketId, status',
      visits: 'id, ticketId, engineerId, start',
      policies: 'id',
      calendars: 'id',
      escalationMatrices: 'id',
      outbox: 'id',
      syncState: '[table+id], hasShadow',
    });
    // v3: the spare-parts warehouse (visit.parts@1). Pending outbox entries need no rewrite: no mutation's args changed.
    this.version(3).stores({ warehouse: 'id, name' });
    // v4: saved views synced per user (view.put@1 / view.delete@1). Views kept device-locally in
    // meta `savedViews` before are moved into this table by the queue feature on first use.
    this.version(4).stores({ savedViews: 'id, ownerId' });
    // v5: tickets/timeline/visits carry their server version facts inline (sync-meta), so a pull
    // writes one record per row; their clean sync states move onto the rows. Outbox entries of
    // older mutation versions are rewritten to the current ones.
    this.version(5)
      .stores({})
      .upgrade(async (tx) => {
        await moveSyncFactsInline(tx);
        await upgradeOutboxEntries(tx);
      });
    // v6: unsaved form text (drafts), device-local and never synced. The new-ticket draft kept in
    // localStorage before is moved here by the intake form on first use.
    this.version(6).stores({ drafts: 'key, kind' });
    // v7: attachments. `attachments` is the synced list per ticket; `attachmentBytes` keeps file
    // bytes on this device: added here and not yet uploaded (pending), or downloaded for offline use.
    this.version(7).stores({ attachments: 'id, ticketId', attachmentBytes: 'sha256, pending, lastUsedAt' });
    // v8: the product catalogue and each customer's sites, assets and contracts (config.put@1 on
    // the new config tables). Only new tables: every existing row and pending change carries over.
    this.version(8).stores({ products: 'id, productLine', sites: 'id, customerId', assets: 'id, customerId, siteId', contracts: 'id, customerId' });
    // v9: indexes for the background readers, so that they read in one request per page and never
    // the whole timeline: tickets [dueAt+id] (the jobs' due ranges, ties paged exactly) and
    // timeline [kind+id] (Reports reads only the escalation and visit events, not every note).
    // Only indexes are added; every row and pending change carries over.
    this.version(9).stores({
      tickets:
        'id, status, severity, priority, ownerId, customerId, productLine, region, createdAt, updatedAt, dueAt, *qWords, ' +
        '[qOwner+dueAt], [status+dueAt], [qEDown+dueAt], [qOnSite+dueAt], [productLine+dueAt], [region+dueAt], [customerId+dueAt], [dueAt+id]',
      timeline: 'id, ticketId, [ticketId+at], *qWords, [kind+id]',
    });
  }

  /** The Dexie table holding a synced entity table (same names on both sides). */
  synced(table: SyncTable): Table<Record<string, unknown>, string> {
    return this.table(table);
  }
}

/** Every table a mutation or a pull may write, for transaction scopes. */
export function syncScope(db: ServiceDeskDb): Table[] {
  return [db.tickets, db.timeline, db.conflicts, db.visits, db.customers, db.engineers, db.policies, db.calendars, db.escalationMatrices, db.warehouse, db.savedViews, db.attachments, db.products, db.sites, db.assets, db.contracts, db.outbox, db.syncState, db.meta];
}

export function openDb(name?: string): ServiceDeskDb {
  return new ServiceDeskDb(name);
}
