// Server-side booking confirmation: a visit booked (tentatively) on a device is confirmed here when
// no confirmed visit of the same engineer overlaps it; otherwise it stays tentative and a conflict
// is recorded for both dispatchers. The exclusion constraint of migration 002 backs this up when
// two instances confirm at the same moment.
import { visitSchema, type Visit } from '../shared/dispatch/visit-schema';
import { awaitsConfirmation, bookingBlockers, bookingClash, confirmBooking, type EntityWrite, type MutationCtx, type MutationResultBody } from '../shared/sync';
import type { Queryable } from './db/types';
import type { BatchState } from './push-rows';

export type BookingOutcome = { visitId: string; confirmed: boolean; body: Pick<MutationResultBody, 'writes' | 'events' | 'conflicts'>; message?: string };

const MOVED = ['window', 'engineerId', 'status'];

/** Visits this mutation booked or moved that now wait for the server's confirmation. */
export function bookingsToReview(writes: readonly EntityWrite[]): Visit[] {
  const out: Visit[] = [];
  for (const w of writes) {
    if (w.table !== 'visits' || w.deleted || !w.fields.some((f) => MOVED.includes(f))) continue;
    const v = visitSchema.safeParse(w.data);
    if (v.success && awaitsConfirmation(v.data)) out.push(v.data);
  }
  return out;
}

async function confirmedVisitsOf(tx: Queryable, tenantId: string, engineerId: string, state: BatchState): Promise<{ visits: Visit[]; engineer?: { id: string; name: string; region: string; skills: string[] } }> {
  const rows = await tx.query<{ tbl: string; id: string; data: Record<string, unknown> }>(
    `SELECT tbl, id, data FROM entities WHERE tenant_id = $1 AND ((visit_engineer = $2 AND visit_status = 'confirmed') OR (tbl = 'engineers' AND id = $2 AND NOT deleted))`,
    [tenantId, engineerId],
  );
  const byId = new Map<string, Visit>();
  let engineer: { id: string; name: string; region: string; skills: string[] } | undefined;
  for (const r of rows) {
    if (r.tbl === 'engineers') {
      engineer = { id: r.id, name: String(r.data.name ?? r.id), region: String(r.data.region ?? ''), skills: Array.isArray(r.data.skills) ? r.data.skills.map(String) : [] };
      continue;
    }
    // This batch may already have changed the row: its own copy wins.
    const own = state.has('visits', r.id) ? state.read('visits', r.id)?.data : r.data;
    const v = own ? visitSchema.safeParse(own) : undefined;
    if (v?.success) byId.set(v.data.id, v.data);
  }
  for (const [k, snap] of state.loaded) {
    if (!k.startsWith('visits/') || !snap || byId.has(k.slice(7))) continue;
    const v = visitSchema.safeParse(snap.data);
    if (v.success && v.data.engineerId === engineerId && v.data.status === 'confirmed') byId.set(v.data.id, v.data);
  }
  return { visits: [...byId.values()].filter((v) => v.status === 'confirmed'), ...(engineer ? { engineer } : {}) };
}

/** Decides one tentative visit: confirm it, or keep it tentative with a conflict naming the clash. */
export async function reviewBooking(tx: Queryable, tenantId: string, visit: Visit, state: BatchState, ctx: MutationCtx): Promise<BookingOutcome> {
  const engineerId = visit.engineerId ?? '';
  const { visits, engineer } = await confirmedVisitsOf(tx, tenantId, engineerId, state);
  const blockers = bookingBlockers(visit, visits, engineer);
  if (blockers.length === 0) {
    const c = confirmBooking(visit, ctx);
    return { visitId: visit.id, confirmed: true, body: { writes: [c.write], events: c.events, conflicts: [] } };
  }
  const clashIds = new Set(blockers.map((f) => String(f.details.otherVisitId ?? '')));
  return clashOutcome(visit, blockers.map((f) => f.message).join(' '), visits.filter((v) => clashIds.has(v.id)), ctx);
}

/** The outcome when the booking cannot be confirmed (a clash found by the check or by the database). */
export function clashOutcome(visit: Visit, reason: string, clashing: readonly Visit[], ctx: MutationCtx): BookingOutcome {
  const clash = bookingClash(visit, reason, clashing, ctx);
  return { visitId: visit.id, confirmed: false, body: { writes: [], events: clash.events, conflicts: clash.conflicts }, message: clash.conflicts[0]?.reason ?? reason };
}
