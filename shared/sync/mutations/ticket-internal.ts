import { z } from 'zod';
import { instantSchema } from '../../ticket/schema';
import { escalateNoProgress, INTERIM_TEXT_MAX, recordInterimReport, recordInternalStep, scheduleInterimReport } from '../../internal-clocks/commands';
import { elapsedMeter } from '../../sla/clocks-meter';
import { defineMutation } from '../mutation-types';
import { eventId, readPolicy, readTicket, refuse, refuseWith, ticketRulesTouches, ticketWrite, ticketNotFound } from './helpers';

// The server checks the internal process with wall-clock time: it holds no calendars, and an
// interval holds at most as many open minutes as wall minutes, so nothing the device's calendar
// refuses as too early can pass here as due, while the order of hand-offs is checked exactly.

const policyTouches = (read: Parameters<typeof ticketRulesTouches>[0], id: string) => ticketRulesTouches(read, id).filter((x) => x.table === 'policies');

export const recordHandoffArgs = z.object({
  ticketId: z.string().min(1),
  step: z.string().min(1).max(60),
  mark: z.enum(['start', 'done']),
  /** The person (user id or name) who takes the next turn. */
  to: z.string().max(200).optional(),
});

/** A step of the internal process started or was handed off, in the process's order (shared/internal-clocks recordInternalStep). */
export const ticketRecordHandoff = defineMutation({
  name: 'ticket.recordHandoff',
  version: 1,
  args: recordHandoffArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  alsoTouches: (read, a) => policyTouches(read, a.ticketId),
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.recordHandoff@1', a.ticketId, ticketNotFound(a.ticketId));
    const process = readPolicy(read, cur.ticket.policyId)?.internalProcess;
    const r = recordInternalStep(cur.ticket, { step: a.step, mark: a.mark, ...(a.to === undefined ? {} : { to: a.to }) }, process, elapsedMeter, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, 'ticket.recordHandoff@1', a.ticketId, r.refusal, a.step);
    return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
  },
});

export const escalateNoProgressArgs = z.object({ ticketId: z.string().min(1), progressAt: z.array(instantSchema).max(1_000).default([]) });

/** The system's escalation of the engineer's work after the configured minutes without recorded progress; once per ticket. */
export const ticketEscalateNoProgress = defineMutation({
  name: 'ticket.escalateNoProgress',
  version: 1,
  args: escalateNoProgressArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  alsoTouches: (read, a) => policyTouches(read, a.ticketId),
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.escalateNoProgress@1', a.ticketId, ticketNotFound(a.ticketId));
    const process = readPolicy(read, cur.ticket.policyId)?.internalProcess;
    const r = escalateNoProgress(cur.ticket, process, elapsedMeter, a.progressAt, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, 'ticket.escalateNoProgress@1', a.ticketId, r.refusal);
    return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
  },
});

export const interimReportArgs = z.discriminatedUnion('action', [
  z.object({ ticketId: z.string().min(1), action: z.literal('schedule'), at: instantSchema, to: z.string().max(200).optional() }),
  z.object({ ticketId: z.string().min(1), action: z.literal('sent'), text: z.string().max(INTERIM_TEXT_MAX) }),
]);

/** "Not solvable today": the interim report to the superior scheduled for the end of the working day, or sent. */
export const ticketInterimReport = defineMutation({
  name: 'ticket.interimReport',
  version: 1,
  args: interimReportArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  alsoTouches: (read, a) => policyTouches(read, a.ticketId),
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.interimReport@1', a.ticketId, ticketNotFound(a.ticketId));
    const c = { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) };
    const r =
      a.action === 'schedule'
        ? scheduleInterimReport(cur.ticket, { at: a.at, ...(a.to === undefined ? {} : { to: a.to }) }, readPolicy(read, cur.ticket.policyId)?.internalProcess, c)
        : recordInterimReport(cur.ticket, { text: a.text }, c);
    if (!r.ok) return refuseWith(ctx, 'ticket.interimReport@1', a.ticketId, r.refusal);
    return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
  },
});
