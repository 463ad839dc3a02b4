import { z } from 'zod';
import { severityChangeSchema } from '../../severity/schema';
import { changeSeverity } from '../../severity/change';
import { because, changedSince, severityRank } from '../conflict';
import { defineMutation } from '../mutation-types';
import { ticketContractConfig, ticketContractTouches } from './contract-rows';
import { conflictEvent, conflictRecord, eventId, readPolicy, readTicket, readTier, refuse, refuseWith, ticketBase, ticketRulesTouches, ticketWrite, ticketNotFound } from './helpers';

const name = 'ticket.changeSeverity@2';

export const changeSeverityArgs = severityChangeSchema.extend({ ticketId: z.string().min(1) });

/** Version 1 also carried a priority the caller derived; the severity command now decides it, so the old value is dropped. */
export const changeSeverityV1Args = changeSeverityArgs.extend({ priority: z.string().min(1) });
export function upgradeChangeSeverityV1(a: z.infer<typeof changeSeverityV1Args>): z.infer<typeof changeSeverityArgs> {
  const { priority: _callerPriority, ...rest } = a;
  return rest;
}

/**
 * Raises or lowers severity through the severity command (shared/severity changeSeverity), with
 * the ticket's policy, customer and named contract loaded so the same rules run on the device and
 * the server (raising to E-Down checks the contract includes it).
 * When someone else changed the severity meanwhile the higher severity wins (a customer-facing
 * risk is never silently lowered) and both people see a conflict note.
 */
export const ticketChangeSeverity = defineMutation({
  name: 'ticket.changeSeverity',
  version: 2,
  args: changeSeverityArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  alsoTouches: (read, a) => [...ticketRulesTouches(read, a.ticketId), ...ticketContractTouches(read, a.ticketId)],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, ticketNotFound(a.ticketId));
    const t = cur.ticket;
    const policy = readPolicy(read, t.policyId);
    const rules = { policy, tier: readTier(read, t.customerId), ...(policy ? { contracts: ticketContractConfig(read, t, policy) } : {}) };
    const r = changeSeverity(t, a, rules, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, name, t.id, r.refusal, a.severity, t.severity);
    if (!r.event) return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: [], conflicts: [] };
    const concurrent = t.severity !== a.severity && changedSince(cur.fv, ticketBase(ctx, a.ticketId), 'severity', ctx.clientId);
    if (!concurrent) return { outcome: 'applied', writes: [ticketWrite(r.ticket, r.fields)], events: [r.event], conflicts: [] };
    const mineWins = severityRank(a.severity) > severityRank(t.severity);
    const [kept, lost] = mineWins ? [a.severity, t.severity] : [t.severity, a.severity];
    const reason = because('higher_severity_kept', `higher severity ${kept} kept over ${lost}`, { kept, lost });
    // The losing side's reason is kept on the record (the winner's is on its timeline event).
    const withReason = (sev: string, why: string | undefined) => (why ? `${sev}: ${why}` : sev);
    const c = conflictRecord(ctx, name, t.id, 'severity', { mine: withReason(a.severity, a.reason), theirs: t.severity }, reason, 'info');
    if (!mineWins) return { outcome: 'conflict', writes: [], events: [conflictEvent(ctx, c, 1)], conflicts: [c], message: reason.message };
    return { outcome: 'applied', writes: [ticketWrite(r.ticket, r.fields)], events: [r.event, conflictEvent(ctx, c, 1)], conflicts: [c] };
  },
});
