import { visitSchema, type Visit } from '../../dispatch/visit-schema';
import type { TimelineEvent } from '../../ticket/timeline';
import type { EntityReader, EntityWrite, MutationCtx } from '../mutation-types';
import { eventId } from './helpers';

/** Loads and parses a visit the mutation touches. */
export function readVisit(read: EntityReader, id: string): { visit: Visit; fv: Record<string, { v: number; c: string }> } | undefined {
  const snap = read('visits', id);
  if (!snap) return undefined;
  return { visit: visitSchema.parse(snap.data), fv: snap.fv };
}

/** A visit write whose changed fields are the top-level keys that differ from `prev`. */
export function visitWrite(next: Visit, prev?: Visit): EntityWrite {
  const keys = new Set([...Object.keys(next), ...Object.keys(prev ?? {})]);
  const before = (prev ?? {}) as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const fields = [...keys].filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
  return { table: 'visits', id: next.id, data: after, fields };
}

/** The ticket timeline entry for a visit change (visits without a ticket have no timeline). */
export function visitEvent(ctx: MutationCtx, visit: Visit, change: string, detail: string, n = 0): TimelineEvent[] {
  if (!visit.ticketId) return [];
  return [{ id: eventId(ctx, n), ticketId: visit.ticketId, at: ctx.now, by: ctx.userId, kind: 'visit', visitId: visit.id, change, detail }];
}

// A reschedule that changes the engineer notes who had the visit, so the server can tell the
// engineer who worked on it offline (and may keep it) from anyone else.
const FROM = / \(from ([^()\s]+)\)$/;

/** Marks the last history entry (a reschedule) with the engineer the visit was taken from. */
export function markReassignedFrom(visit: Visit, from: string): Visit {
  const last = visit.history.at(-1);
  if (!last) return visit;
  return { ...visit, history: [...visit.history.slice(0, -1), { ...last, detail: `${last.detail} (from ${from})` }] };
}

/** True when the visit's latest reassignment took it away from `userId`. */
export function wasReassignedFrom(visit: { history?: ReadonlyArray<{ action: string; detail: string }> }, userId: string): boolean {
  const last = [...(visit.history ?? [])].reverse().find((h) => h.action === 'reschedule' && FROM.test(h.detail));
  return last !== undefined && FROM.exec(last.detail)?.[1] === userId;
}
