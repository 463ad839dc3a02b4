// Clashes already on the board: two bookings made offline on different devices can both reach
// the server; the board shows each pair so a dispatcher resolves it (the sync conflict record
// says who booked what, this says which visits collide).
import type { Visit } from './visit-schema';

export type ScheduleClash = { engineerId: string; first: Visit; second: Visit };

const MINUTE = 60_000;

function busy(v: Visit): { from: number; to: number } | undefined {
  if (!v.window || !v.engineerId || v.status === 'cancelled' || v.status === 'unscheduled') return undefined;
  return { from: v.window.start - v.travelBufferMinutes * MINUTE, to: v.window.end };
}

/** Every pair of live visits of the same engineer whose busy time (window plus travel buffer) overlaps. */
export function findScheduleClashes(visits: readonly Visit[]): ScheduleClash[] {
  const byEngineer = new Map<string, Array<{ v: Visit; from: number; to: number }>>();
  for (const v of visits) {
    const b = busy(v);
    if (!b || !v.engineerId) continue;
    const list = byEngineer.get(v.engineerId) ?? [];
    list.push({ v, ...b });
    byEngineer.set(v.engineerId, list);
  }
  const out: ScheduleClash[] = [];
  for (const [engineerId, list] of byEngineer) {
    list.sort((a, b) => a.from - b.from || (a.v.id < b.v.id ? -1 : 1));
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (!a) continue;
      // Sorted by start: once a later visit starts after `a` ends, no further one can overlap it.
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        if (!b || b.from >= a.to) break;
        out.push({ engineerId, first: a.v, second: b.v });
      }
    }
  }
  return out;
}
