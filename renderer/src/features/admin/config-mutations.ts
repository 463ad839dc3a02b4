import type { Mutate, MutationOutcome } from '../../app/mutations';

export type { ConfigTable } from '../../../../shared/config/presets';
import type { ConfigTable } from '../../../../shared/config/presets';

/** Stores a config row for everyone (synced, admin only); the overlay hook picks it up from the store. */
export function putConfigRow(mutate: Mutate, table: ConfigTable, row: { id: string }): Promise<MutationOutcome> {
  return mutate('config.put@1', { table, row });
}

/** Drops the stored row: a preset with that id applies again, otherwise the item is gone. */
export function deleteConfigRow(mutate: Mutate, table: ConfigTable, id: string): Promise<MutationOutcome> {
  return mutate('config.delete@1', { table, id });
}
