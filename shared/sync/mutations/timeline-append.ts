import { z } from 'zod';
import { clockKindSchema } from '../../sla/watch';
import { instantSchema } from '../../ticket/schema';
import { defineMutation } from '../mutation-types';
import { addNote, NOTE_MAX_LENGTH } from '../../ticket/commands';
import { recordEscalation } from '../../escalation/record';
import { SYSTEM_ACTOR } from '../../ticket/command';
import { eventId, readPolicy, readTicket, refuse, refuseWith, ticketRulesTouches, ticketWrite, ticketNotFound } from './helpers';

// Notes, escalations and SLA alerts are facts appended to the timeline: they never conflict.

export const addNoteArgs = z.object({
  ticketId: z.string().min(1),
  visibility: z.enum(['internal', 'external']),
  text: z.string().trim().min(1).max(NOTE_MAX_LENGTH),
});

/** Appends a note to a ticket's timeline (shared/ticket addNote). */
export const timelineAddNote = defineMutation({
  name: 'timeline.addNote',
  version: 1,
  args: addNoteArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'timeline.addNote@1', a.ticketId, ticketNotFound(a.ticketId), a.text);
    const r = addNote(cur.ticket, a, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, 'timeline.addNote@1', a.ticketId, r.refusal, a.text);
    return { outcome: 'applied', writes: [], events: [r.event], conflicts: [] };
  },
});

export const recordEscalationArgs = z.object({
  ticketId: z.string().min(1),
  level: z.number().int().positive(),
  levelName: z.string(),
  recipients: z.array(z.string()),
  ask: z.string().default(''),
  automatic: z.boolean(),
});

/** An automatic escalation's event id names the ticket and level, so two devices that both fire it store it once. */
export function autoEscalationEventId(ticketId: string, level: number): string {
  return `esc:auto:${ticketId}:${level}`;
}

/** Records an escalation through the escalation command (shared/escalation recordEscalation); levels merge by max. */
export const ticketRecordEscalation = defineMutation({
  name: 'ticket.recordEscalation',
  version: 1,
  args: recordEscalationArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }, ...(a.automatic ? [{ table: 'timeline' as const, id: autoEscalationEventId(a.ticketId, a.level) }] : [])],
  // The policy says from which level an escalation must name the SPR/defect raised.
  alsoTouches: (read, a) => ticketRulesTouches(read, a.ticketId).filter((x) => x.table === 'policies'),
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.recordEscalation@1', a.ticketId, ticketNotFound(a.ticketId));
    const id = a.automatic ? autoEscalationEventId(a.ticketId, a.level) : eventId(ctx);
    if (a.automatic && read('timeline', id)) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    // An automatic escalation is the rule's doing, not the person whose device happened to run it.
    const r = recordEscalation(cur.ticket, a, { now: ctx.now, by: a.automatic ? SYSTEM_ACTOR : ctx.userId, eventId: id }, readPolicy(read, cur.ticket.policyId));
    if (!r.ok) return refuseWith(ctx, 'ticket.recordEscalation@1', a.ticketId, r.refusal);
    return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
  },
});

export const recordSlaAlertArgs = z.object({
  ticketId: z.string().min(1),
  clock: clockKindSchema,
  threshold: z.number().int().min(1).max(100),
  target: instantSchema,
});

/** The alert's id is derived from what it is about, so two devices recording the same alert store it once. */
export function slaAlertEventId(a: z.infer<typeof recordSlaAlertArgs>): string {
  return `sla:${a.ticketId}:${a.clock}:${a.threshold}:${a.target}`;
}

/** Records that an SLA threshold was reached (fired by the desktop timer service). */
export const ticketRecordSlaAlert = defineMutation({
  name: 'ticket.recordSlaAlert',
  version: 1,
  args: recordSlaAlertArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }, { table: 'timeline', id: slaAlertEventId(a) }],
  mutate: (read, a, ctx) => {
    if (!read('tickets', a.ticketId)) return refuse(ctx, 'ticket.recordSlaAlert@1', a.ticketId, ticketNotFound(a.ticketId));
    if (read('timeline', slaAlertEventId(a))) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    return {
      outcome: 'applied',
      writes: [],
      events: [{ id: slaAlertEventId(a), ticketId: a.ticketId, at: ctx.now, by: 'system', kind: 'sla_alert', clock: a.clock, threshold: a.threshold, target: a.target }],
      conflicts: [],
    };
  },
});
