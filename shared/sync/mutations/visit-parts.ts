import { z } from 'zod';
import { checkOutPart, PartsError, returnPart, usePart, type WarehousePart } from '../../dispatch/parts';
import type { Visit } from '../../dispatch/visit-schema';
import { defineMutation, type EntityWrite } from '../mutation-types';
import { refuse, visitNotFound } from './helpers';
import { readVisit, visitEvent, visitWrite } from './visit-helpers';

const name = 'visit.parts@1';

/** One warehouse stock line (synced table `warehouse`, id = part id). */
export const warehousePartSchema = z.object({ id: z.string().min(1), name: z.string().min(1), onHand: z.number().int().nonnegative() });
export type WarehousePartRow = z.infer<typeof warehousePartSchema>;

export const partMoveKinds = ['check_out', 'return', 'use'] as const;
export const visitPartsArgs = z.object({
  visitId: z.string().min(1),
  move: z.object({ kind: z.enum(partMoveKinds), partId: z.string().min(1), quantity: z.number().int().positive() }),
});

/**
 * Moves spare parts between the warehouse and a visit. Stock is recomputed from the server's
 * current count, so two engineers' check-outs add up; a check-out the stock cannot cover is refused.
 */
export const visitParts = defineMutation({
  name: 'visit.parts',
  version: 1,
  args: visitPartsArgs,
  touches: (a) => [{ table: 'visits', id: a.visitId }, { table: 'warehouse', id: a.move.partId }],
  mutate: (read, a, ctx) => {
    const cur = readVisit(read, a.visitId);
    if (!cur) return refuse(ctx, name, '', visitNotFound(a.visitId));
    const v = cur.visit;
    const snap = read('warehouse', a.move.partId);
    const stock: WarehousePart[] = snap ? [(({ id, name: n, onHand }) => ({ partId: id, name: n, onHand }))(warehousePartSchema.parse(snap.data))] : [];
    const move = { partId: a.move.partId, quantity: a.move.quantity };
    let visit: Visit;
    let warehouse: WarehousePart[] = stock;
    try {
      if (a.move.kind === 'use') visit = usePart(v, move);
      else ({ visit, warehouse } = a.move.kind === 'check_out' ? checkOutPart(v, stock, move) : returnPart(v, stock, move));
    } catch (e) {
      if (e instanceof PartsError) return refuse(ctx, name, v.ticketId ?? '', e.message);
      throw e;
    }
    visit = { ...visit, updatedAt: ctx.now, updatedBy: ctx.userId };
    const writes: EntityWrite[] = [visitWrite(visit, v)];
    const part = warehouse.find((w) => w.partId === a.move.partId);
    if (part && part.onHand !== stock[0]?.onHand) writes.push({ table: 'warehouse', id: part.partId, data: { id: part.partId, name: part.name, onHand: part.onHand }, fields: ['onHand', ...(stock[0] ? [] : ['id', 'name'])] });
    const partName = part?.name ?? visit.parts.find((p) => p.partId === a.move.partId)?.name ?? a.move.partId;
    return { outcome: 'applied', writes, events: visitEvent(ctx, visit, `parts_${a.move.kind}`, `${a.move.quantity} x ${partName}`), conflicts: [] };
  },
});
