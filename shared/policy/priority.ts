import type { Impact, Urgency } from '../ticket/schema';
import type { Policy } from './schema';

type ContractTier = keyof Policy['defaultPriorityByTier'];

/** The priority the policy's impact x urgency matrix gives. */
export function priorityFor(policy: Policy, impact: Impact, urgency: Urgency): string {
  return policy.priorityMatrix[impact][urgency];
}

/** Rank of a priority in the policy (0 = highest); a RangeError for an unknown id. */
export function priorityRank(policy: Policy, priorityId: string): number {
  const i = policy.priorities.findIndex((p) => p.id === priorityId);
  if (i < 0) throw new RangeError(`priority "${priorityId}" is not defined by policy "${policy.id}"`);
  return i;
}

/** The priority of a new ticket: the matrix value, raised to the contract tier's default when that is higher (seed 001). */
export function initialPriority(policy: Policy, impact: Impact, urgency: Urgency, tier?: ContractTier): string {
  const fromMatrix = priorityFor(policy, impact, urgency);
  const floor = tier ? policy.defaultPriorityByTier[tier] : undefined;
  if (floor === undefined) return fromMatrix;
  return priorityRank(policy, floor) < priorityRank(policy, fromMatrix) ? floor : fromMatrix;
}
