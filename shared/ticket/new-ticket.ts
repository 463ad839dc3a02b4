// The rules a new ticket must meet, wherever it is created (the intake form on a device, the
// sync server replaying it, a support mailbox filing a customer's mail): one command, so the
// device and the server accept and refuse the same tickets for the same reasons.
import { eDownAtIntakeProblem, eDownAtIntakeText } from '../contract/e-down-intake';
import { resolveEntitlement, type ContractConfig } from '../contract/entitlement';
import { lookup } from '../contract/lookup';
import { validateEDown } from '../severity/e-down';
import { impactOverride } from '../severity/impact-severity';
import { checkCtx, refused, type CommandCtx, type CommandResult } from './command';
import type { Ticket } from './schema';
import type { TimelineEvent } from './timeline';

type CreatedEvent = Extract<TimelineEvent, { kind: 'created' }>;

/** Why the person logging the case chose another severity than the impact class gives. */
export type SeverityOverride = { reason: string };

/**
 * Creates a ticket: returns it and its `created` event, or a refusal with the reason.
 * - E-Down is set at creation only by an engineer on a channel the policy allows (a phone call),
 *   for a ticket that names the customer's contract and whose contract includes E-Down, with the
 *   whole E-Down questionnaire answered.
 * - Where the policy ties severity to the impact class, the ticket takes the class's level unless
 *   an override reason is given; the override and its reason are recorded on the `created` event.
 *   A ticket arriving without a reason (e.g. filed from a customer's mail) is never refused for
 *   this: it gets the level its impact gives.
 * Without the policy on this device nothing can be checked and the ticket is created as it is;
 * the server, which holds every policy, runs this command again.
 */
export function createTicket(ticket: Ticket, override: SeverityOverride | undefined, config: ContractConfig, ctx: CommandCtx): CommandResult<{ ticket: Ticket; event: CreatedEvent }> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  let t: Ticket = { ...ticket, createdBy: ctx.by };
  const event: CreatedEvent = { id: ctx.eventId, ticketId: t.id, at: t.createdAt, by: ctx.by, kind: 'created' };
  const policy = lookup(config.policies, t.policyId);
  if (!policy) return { ok: true, ticket: t, event };
  const level = policy.severityLevels.find((l) => l.id === t.severity);
  if (!level) {
    const levels = policy.severityLevels.map((l) => l.id).join(', ');
    return refused('unknown_level', `severity "${t.severity}" is not a level of policy "${policy.id}" (levels: ${levels})`, { severity: t.severity, policy: policy.name, levels });
  }
  if (level.aboveTop) {
    const entitlement = resolveEntitlement(t, policy, config);
    const problem = eDownAtIntakeProblem(entitlement, t.channel);
    if (problem) return refused('edown_at_intake', eDownAtIntakeText(problem), { problem: problem.code });
    // The contract that makes the customer eligible must be the one the ticket names, so the
    // server (which loads only that contract) decides exactly as the device did.
    if (!t.contractId || entitlement.contract?.id !== t.contractId) {
      return refused('edown_at_intake', 'E-Down is set when a case is logged only on a ticket that names the customer’s contract.', { problem: 'non_contract' });
    }
    const missing = validateEDown(t, t.eDown, policy, { atCreation: true, channel: t.channel });
    if (missing.length) return refused('edown_incomplete', `E-Down cannot be set: ${missing.join(' ')}`, { problems: missing.join(' ') });
  }
  const derived = impactOverride(policy, t.severity, t.impact);
  if (derived !== undefined) {
    const reason = override?.reason.trim() ?? '';
    if (reason) return { ok: true, ticket: t, event: { ...event, severityOverride: { derived, reason: reason.slice(0, 2000) } } };
    t = { ...t, severity: derived, sla: { ...t.sla, severityHistory: [{ at: t.createdAt, severity: derived }] } };
  }
  return { ok: true, ticket: t, event };
}
