import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import type { WarehousePart } from '../../../../shared/dispatch';
import { useServices } from '../../app/services';
import type { ServiceDeskDb } from '../../data/db';

const warehouseRowSchema = z.object({ id: z.string().min(1), name: z.string().min(1), onHand: z.number().int().nonnegative() });

/** The synced warehouse list; empty while this store has no 'warehouse' table (older schema). */
export async function readWarehouse(db: ServiceDeskDb): Promise<WarehousePart[]> {
  const table = db.tables.find((tb) => tb.name === 'warehouse');
  if (!table) return [];
  const rows: unknown[] = await table.toArray();
  return rows
    .map((r) => warehouseRowSchema.safeParse(r))
    .filter((r) => r.success)
    .map((r) => ({ partId: r.data.id, name: r.data.name, onHand: r.data.onHand }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function useWarehouse(): WarehousePart[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => readWarehouse(db), [db]);
}
