import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import type { WarehousePart } from '../../../../shared/dispatch';
import { useServices } from '../../app/services';
import type { ServiceDeskDb } from '../../data/db';

const warehouseRowSchema = z.object({ id: z.string().min(1), name: z.string().min(1), onHand: z.number().int().nonnegative() });

/** The synced warehouse list by name; rows that do not parse are left out. */
export async function readWarehouse(db: ServiceDeskDb): Promise<WarehousePart[]> {
  const rows: unknown[] = await db.warehouse.toArray();
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
