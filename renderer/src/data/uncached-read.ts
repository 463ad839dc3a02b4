import type { Table } from 'dexie';
import type { ServiceDeskDb } from './db';

/**
 * Runs a read inside a live query without Dexie's live-query cache: Dexie 4 keeps the rows of every
 * subscribed live query's reads in memory (to answer re-runs optimistically), which for a read of
 * thousands of tickets whose result is boiled down (the SLA watch list) or is large (search) holds
 * tens of MB for as long as the query is subscribed. Reads in an explicit transaction are not
 * cached; the live query still re-runs on every write to what they read.
 */
export function uncachedRead<T>(db: ServiceDeskDb, tables: Table[], read: () => Promise<T>): Promise<T> {
  return db.transaction('r', tables, read);
}
