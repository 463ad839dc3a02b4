import { z } from 'zod';
import type { Ticket } from '../../ticket/schema';
import { because, conflictRecordSchema } from '../conflict';
import { defineMutation, type EntityWrite } from '../mutation-types';
import { readTicket, refuse, ticketWrite, ticketNotFound } from './helpers';
import { conflictVisitId, resolveVisitConflict } from './visit-conflict';

const name = 'conflict.resolve@1';
// Only fields whose conflicts are "server kept, you choose" can be set by a resolution.
const settable = new Set(['title', 'description', 'contactName', 'contactEmail', 'contactPhone', 'productVersion', 'ownerId', 'priority']);

export const resolveConflictArgs = z.object({
  conflictId: z.string().min(1),
  ticketId: z.string().min(1),
  choice: z.enum(['theirs', 'mine', 'custom']),
  value: z.string().optional(),
});

/** Resolves an open conflict: keep theirs, take mine, or write a merged value. */
export const conflictResolve = defineMutation({
  name: 'conflict.resolve',
  version: 1,
  args: resolveConflictArgs,
  touches: (a) => [{ table: 'conflicts', id: a.conflictId }, { table: 'tickets', id: a.ticketId }],
  alsoTouches: (read, a) => {
    const field = read('conflicts', a.conflictId)?.data.field;
    const visitId = typeof field === 'string' ? conflictVisitId(field) : undefined;
    return visitId === undefined ? [] : [{ table: 'visits', id: visitId }];
  },
  mutate: (read, a, ctx) => {
    const snap = read('conflicts', a.conflictId);
    if (!snap) return refuse(ctx, name, a.ticketId, because('conflict_not_found', `conflict ${a.conflictId} not found`));
    const c = conflictRecordSchema.parse(snap.data);
    if (c.status !== 'open') return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    const resolved: EntityWrite = { table: 'conflicts', id: c.id, data: { ...c, status: 'resolved', resolution: a.choice }, fields: ['status', 'resolution'] };
    const visit = resolveVisitConflict(read, c, a.choice, ctx, resolved);
    if (visit) return visit;
    const writes: EntityWrite[] = [resolved];
    if (a.choice !== 'theirs') {
      const value = a.choice === 'mine' ? c.mine : a.value;
      if (value === undefined) return refuse(ctx, name, a.ticketId, because('custom_value_required', 'a custom resolution needs a value'));
      if (!settable.has(c.field)) return refuse(ctx, name, a.ticketId, because('field_not_settable', `field ${c.field} cannot be set by resolving a conflict`, { field: c.field }));
      const cur = readTicket(read, c.ticketId);
      if (!cur) return refuse(ctx, name, a.ticketId, ticketNotFound(c.ticketId));
      const next: Ticket = { ...cur.ticket, [c.field]: c.field === 'ownerId' && value === '' ? undefined : value, updatedAt: Math.max(cur.ticket.updatedAt, ctx.now) };
      writes.push(ticketWrite(next, [c.field, 'updatedAt']));
    }
    return { outcome: 'applied', writes, events: [], conflicts: [] };
  },
});
