import { visitSchema, type Visit } from '../../../../shared/dispatch';

/**
 * The store keeps visits as loose rows (their schema belongs to shared/dispatch); a row that
 * does not parse is left out of every screen rather than crashing it.
 */
export function parseVisitRows(rows: readonly unknown[]): Visit[] {
  const out: Visit[] = [];
  for (const row of rows) {
    const parsed = visitSchema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** Visits that still occupy an engineer's time on the board (booked and not cancelled). */
export function isOnBoard(v: Visit): boolean {
  return v.window !== undefined && v.engineerId !== undefined && v.status !== 'cancelled' && v.status !== 'unscheduled';
}
