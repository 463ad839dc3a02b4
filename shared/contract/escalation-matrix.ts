// Which escalation matrix a ticket follows: the one its contract names (the matrix handed over at
// service activation), else its policy's, else the default. A contract naming a matrix that is
// not there (deleted, not yet synced) falls back too, so a ticket can always be escalated.
import { escalationMatrixForPolicy } from '../escalation/levels';
import type { EscalationMatrix } from '../escalation/schema';
import type { Ticket } from '../ticket/schema';
import { resolveEntitlement, type ContractConfig } from './entitlement';
import { lookup } from './lookup';

export function escalationMatrixForTicket(matrices: readonly EscalationMatrix[], ticket: Ticket, config: ContractConfig): EscalationMatrix | undefined {
  const policy = lookup(config.policies, ticket.policyId);
  const named = policy ? resolveEntitlement(ticket, policy, config).contract?.escalationMatrixId : undefined;
  return (named ? matrices.find((m) => m.id === named) : undefined) ?? escalationMatrixForPolicy(matrices, ticket.policyId);
}
