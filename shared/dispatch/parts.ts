// Spare parts per visit: parts leave the warehouse when checked out, come back when
// returned, and stay with the customer when used. Stock never goes negative.
import type { PartLine, Visit } from './visit-schema';

export type WarehousePart = { partId: string; name: string; onHand: number };
export type PartMove = { partId: string; quantity: number };

/** Refused parts movement; nothing changed. */
export class PartsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartsError';
  }
}

function checkMove(visit: Visit, move: PartMove): void {
  if (visit.submittedAt !== undefined) throw new PartsError(`Visit ${visit.id} was submitted; its parts can no longer change.`);
  if (!Number.isInteger(move.quantity) || move.quantity <= 0) throw new PartsError(`The quantity must be a whole number above 0, got ${move.quantity}.`);
}

function quantityIn(parts: readonly PartLine[], partId: string, state: PartLine['state']): number {
  return parts.filter((p) => p.partId === partId && p.state === state).reduce((n, p) => n + p.quantity, 0);
}

/** Moves `quantity` of a part between states, merging lines so there is one line per part and state. */
function shift(parts: readonly PartLine[], partId: string, name: string, quantity: number, from: PartLine['state'] | undefined, to: PartLine['state']): PartLine[] {
  const next = parts.map((p) => ({ ...p }));
  if (from !== undefined) {
    let left = quantity;
    for (const p of next) {
      if (left === 0) break;
      if (p.partId !== partId || p.state !== from) continue;
      const take = Math.min(left, p.quantity);
      p.quantity -= take;
      left -= take;
    }
  }
  const target = next.find((p) => p.partId === partId && p.state === to);
  if (target) target.quantity += quantity;
  else next.push({ partId, name, quantity, state: to });
  return next.filter((p) => p.quantity > 0);
}

/** Total checked out and not yet used or returned, per part id. */
export function partsOnVisit(visit: Visit, partId: string): number {
  return quantityIn(visit.parts, partId, 'checked_out');
}

/** Takes parts out of the warehouse onto the visit. Throws when stock is short. */
export function checkOutPart(visit: Visit, warehouse: readonly WarehousePart[], move: PartMove): { visit: Visit; warehouse: WarehousePart[] } {
  checkMove(visit, move);
  if (visit.status === 'cancelled' || visit.status === 'completed') throw new PartsError(`Visit ${visit.id} is ${visit.status}; parts cannot be checked out for it.`);
  const stock = warehouse.find((w) => w.partId === move.partId);
  if (!stock) throw new PartsError(`Part ${move.partId} is not in the warehouse list.`);
  if (stock.onHand < move.quantity) {
    throw new PartsError(`Only ${stock.onHand} x ${stock.name} on hand; cannot check out ${move.quantity}.`);
  }
  return {
    visit: { ...visit, parts: shift(visit.parts, stock.partId, stock.name, move.quantity, undefined, 'checked_out') },
    warehouse: warehouse.map((w) => (w.partId === move.partId ? { ...w, onHand: w.onHand - move.quantity } : { ...w })),
  };
}

/** Puts checked-out parts back into the warehouse. Throws when more are returned than are out. */
export function returnPart(visit: Visit, warehouse: readonly WarehousePart[], move: PartMove): { visit: Visit; warehouse: WarehousePart[] } {
  checkMove(visit, move);
  const out = quantityIn(visit.parts, move.partId, 'checked_out');
  if (out < move.quantity) throw new PartsError(`Only ${out} of part ${move.partId} are checked out on visit ${visit.id}; cannot return ${move.quantity}.`);
  const line = visit.parts.find((p) => p.partId === move.partId);
  const name = line?.name ?? move.partId;
  const known = warehouse.some((w) => w.partId === move.partId);
  const nextWarehouse = known
    ? warehouse.map((w) => (w.partId === move.partId ? { ...w, onHand: w.onHand + move.quantity } : { ...w }))
    : [...warehouse.map((w) => ({ ...w })), { partId: move.partId, name, onHand: move.quantity }];
  return { visit: { ...visit, parts: shift(visit.parts, move.partId, name, move.quantity, 'checked_out', 'returned') }, warehouse: nextWarehouse };
}

/** Marks checked-out parts as used at the site (the warehouse is unaffected: they left it at check-out). */
export function usePart(visit: Visit, move: PartMove): Visit {
  checkMove(visit, move);
  if (visit.status === 'cancelled') throw new PartsError(`Visit ${visit.id} is cancelled; return its parts instead.`);
  const out = quantityIn(visit.parts, move.partId, 'checked_out');
  if (out < move.quantity) throw new PartsError(`Only ${out} of part ${move.partId} are checked out on visit ${visit.id}; cannot use ${move.quantity}.`);
  const name = visit.parts.find((p) => p.partId === move.partId)?.name ?? move.partId;
  return { ...visit, parts: shift(visit.parts, move.partId, name, move.quantity, 'checked_out', 'used') };
}
