import { z } from 'zod';
import type { Ticket } from '../../ticket/schema';
import type { TimelineEvent } from '../../ticket/timeline';
import { because, changedSince, showValue, type ConflictRecord } from '../conflict';
import { defineMutation } from '../mutation-types';
import { conflictEvent, conflictRecord, readTicket, refuse, ticketBase, ticketWrite, ticketNotFound } from './helpers';

const name = 'ticket.update@1';

/** Free-text fields: on a concurrent change the server keeps its value and the other becomes a conflict. */
// Spelled out rather than picked from ticketSchema: its defaults would turn an absent field into ''.
export const freeTextChangesSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().max(20_000),
    contactName: z.string().max(300),
    contactEmail: z.string().max(320),
    contactPhone: z.string().max(100),
    productVersion: z.string().max(100),
  })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'at least one field must change');
export type FreeTextChanges = z.infer<typeof freeTextChangesSchema>;

export const ticketUpdateArgs = z.object({
  ticketId: z.string().min(1),
  changes: freeTextChangesSchema,
  /** The values the user saw while editing, shown as "base" if the change conflicts. */
  base: z.record(z.string(), z.string()).default({}),
});

/** Edits free-text fields; each field conflicts on its own. */
export const ticketUpdate = defineMutation({
  name: 'ticket.update',
  version: 1,
  args: ticketUpdateArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, ticketNotFound(a.ticketId));
    const base = ticketBase(ctx, a.ticketId);
    const next: Ticket = { ...cur.ticket };
    const fields: string[] = [];
    const conflicts: ConflictRecord[] = [];
    const events: TimelineEvent[] = [];
    for (const [field, value] of Object.entries(a.changes) as Array<[keyof FreeTextChanges, string | undefined]>) {
      if (value === undefined) continue;
      const theirs = cur.ticket[field];
      if (theirs === value) continue;
      if (changedSince(cur.fv, base, field, ctx.clientId)) {
        const c = conflictRecord(ctx, name, a.ticketId, field, { base: a.base[field], mine: value, theirs: showValue(theirs) }, because('changed_meanwhile', 'changed by someone else meanwhile; their value was kept'));
        conflicts.push(c);
        events.push(conflictEvent(ctx, c, events.length));
        continue;
      }
      next[field] = value;
      fields.push(field);
    }
    if (fields.length > 0) {
      next.updatedAt = Math.max(cur.ticket.updatedAt, ctx.now);
      fields.push('updatedAt');
    }
    return {
      outcome: conflicts.length > 0 ? 'conflict' : 'applied',
      writes: fields.length > 0 ? [ticketWrite(next, fields)] : [],
      events,
      conflicts,
    };
  },
});

/** ticket.update@0 (schema 1 clients) sent flat fields; upgraded to @1 on the server. */
export const ticketUpdateV0Args = z.object({ ticketId: z.string().min(1), title: z.string().optional(), description: z.string().optional() });

/** Upgrades @0 args to @1. */
export function upgradeTicketUpdateV0(a: z.infer<typeof ticketUpdateV0Args>): z.input<typeof ticketUpdateArgs> {
  const changes: Record<string, string> = {};
  if (a.title !== undefined) changes.title = a.title;
  if (a.description !== undefined) changes.description = a.description;
  return { ticketId: a.ticketId, changes, base: {} };
}
