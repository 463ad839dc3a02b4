import { resolveEntitlement, type ContractConfig } from '../contract/entitlement';
import { businessMeter, type Meter } from '../sla/clocks-meter';
import { policyOf } from '../sla/ticket-clocks';
import type { Ticket } from '../ticket/schema';
import type { InternalProcess } from './schema';

/**
 * The internal process a ticket follows and the open-time meter its steps run on: the business
 * calendar the ticket's contract terms give (the same calendar its customer clocks use), so "5
 * minutes" means five minutes of the team's working time. Undefined when the policy has no
 * internal process or its calendar is not loaded.
 */
export function internalContext(ticket: Ticket, config: ContractConfig): { process: InternalProcess; meter: Meter; calendarId: string } | undefined {
  const policy = policyOf(config.policies, ticket.policyId);
  if (!policy?.internalProcess) return undefined;
  const entitlement = resolveEntitlement(ticket, policy, config);
  const calendarId = entitlement.policy.calendarId;
  const cal = entitlement.calendars[calendarId] ?? config.calendars[policy.calendarId];
  if (!cal) return undefined;
  return { process: entitlement.policy.internalProcess ?? policy.internalProcess, meter: businessMeter(cal), calendarId };
}
