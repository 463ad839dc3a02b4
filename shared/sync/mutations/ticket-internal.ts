import { z } from 'zod';
import { instantSchema } from '../../ticket/schema';
import { escalateNoProgress, INTERIM_TEXT_MAX, recordInterimReport, recordInternalStep, scheduleInterimReport } from '../../internal-clocks/commands';
import { elapsedMeter } from '../../sla/clocks-meter';
import { defineMutation, type EntityReader, type MutationCtx, type MutationResultBody } from '../mutation-types';
import type { InternalOutcome } from '../../internal-clocks/commands';
import type { InternalProcess } from '../../internal-clocks/schema';
import type { CommandCtx, CommandResult } from '../../ticket/command';
import type { Ticket } from '../../ticket/schema';
import { eventId, readPolicy, readTicket, refuse, refuseWith, ticketRulesTouches, ticketWrite, ticketNotFound } from './helpers';

// The server checks the internal process with wall-clock time: it holds no calendars, and an
// interval holds at most as many open minutes as wall minutes, so nothing the device's calendar
// refuses as too early can pass here as due, while the order of hand-offs is checked exactly.

const policyTouches = (read: Parameters<typeof ticketRulesTouches>[0], id: string) => ticketRulesTouches(read, id).filter((x) => x.table === 'policies');

/** Reads the ticket and its policy's process, runs one internal-process command, and writes or refuses what it decided. */
function applyInternal(
  read: EntityReader,
  mutation: string,
  ticketId: string,
  ctx: MutationCtx,
  run: (ticket: Ticket, process: InternalProcess | undefined, c: CommandCtx) => CommandResult<InternalOutcome>,
  mine?: string,
): MutationResultBody {
  const cur = readTicket(read, ticketId);
  if (!cur) return refuse(ctx, mutation, ticketId, ticketNotFound(ticketId));
  const r = run(cur.ticket, readPolicy(read, cur.ticket.policyId)?.internalProcess, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
  if (!r.ok) return refuseWith(ctx, mutation, ticketId, r.refusal, mine);
  return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
}

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
  mutate: (read, a, ctx) =>
    applyInternal(read, 'ticket.recordHandoff@1', a.ticketId, ctx, (ticket, process, c) => recordInternalStep(ticket, { step: a.step, mark: a.mark, ...(a.to === undefined ? {} : { to: a.to }) }, process, elapsedMeter, c), a.step),
});

export const escalateNoProgressArgs = z.object({ ticketId: z.string().min(1), progressAt: z.array(instantSchema).max(1_000).default([]) });

/** The system's escalation of the engineer's work after the configured minutes without recorded progress; once per ticket. */
export const ticketEscalateNoProgress = defineMutation({
  name: 'ticket.escalateNoProgress',
  version: 1,
  args: escalateNoProgressArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  alsoTouches: (read, a) => policyTouches(read, a.ticketId),
  mutate: (read, a, ctx) =>
    applyInternal(read, 'ticket.escalateNoProgress@1', a.ticketId, ctx, (ticket, process, c) => escalateNoProgress(ticket, process, elapsedMeter, a.progressAt, c)),
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
  mutate: (read, a, ctx) =>
    applyInternal(read, 'ticket.interimReport@1', a.ticketId, ctx, (ticket, process, c) =>
      a.action === 'schedule' ? scheduleInterimReport(ticket, { at: a.at, ...(a.to === undefined ? {} : { to: a.to }) }, process, c) : recordInterimReport(ticket, { text: a.text }, c),
    ),
});
