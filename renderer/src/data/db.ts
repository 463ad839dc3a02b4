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
      // Compound indexes serve the common queues without scanning the table.
      tickets: 'id, status, severity, ownerId, customerId, productLine, region, updatedAt, [status+severity], [ownerId+status]',
      timeline: 'id, ticketId, [ticketId+at]',
      customers: 'id, name, region',
      engineers: 'id, role, region',
      meta: 'key',
    });
  }
}

export function openDb(name?: string): ServiceDeskDb {
  return new ServiceDeskDb(name);
}
