import type { BackupTableName } from '../../../../shared/backup';
import { queueKeyFields } from '../../data';

/**
 * Index keys the queue-keys middleware derives on every write: they are not data, depend on the
 * configuration and the clock, and are recomputed when the import writes.
 */
const derivedKeys: Partial<Record<BackupTableName, readonly string[]>> = queueKeyFields;

/** The row without the derived keys of its table (the same object when there are none). */
export function stripDerived<T extends object>(table: string, row: T): T {
  const keys = derivedKeys[table as BackupTableName];
  if (!keys) return row;
  const out = { ...row } as Record<string, unknown>;
  for (const k of keys) delete out[k];
  return out as T;
}
