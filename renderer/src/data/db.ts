import Dexie, { type EntityTable } from 'dexie';
import type { Ticket, TimelineEvent } from '../../../shared/ticket';
import type { Customer, Engineer } from '../../../shared/directory';

/** A key/value row for device-local facts: client id, sync cursor, schema version, UI prefs. */
export type MetaRow = { key: string; value: unknown };

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

  constructor(name = 'service-desk') {
    super(name);
    this.version(1).stores({
      // Every queue is one range of a [key+dueAt] index, sorted by the nearest SLA target; the
      // keys (dueAt, qOwner, qOnSite, qEDown, qWords) are derived on write by the queue-keys middleware.
      tickets:
        'id, status, severity, ownerId, customerId, productLine, region, updatedAt, dueAt, *qWords, ' +
        '[qOwner+dueAt], [status+dueAt], [qEDown+dueAt], [qOnSite+dueAt], [productLine+dueAt], [region+dueAt], [customerId+dueAt]',
      timeline: 'id, ticketId, [ticketId+at], *qWords',
      customers: 'id, name, region',
      engineers: 'id, role, region',
      meta: 'key',
    });
  }
}

export function openDb(name?: string): ServiceDeskDb {
  return new ServiceDeskDb(name);
}
