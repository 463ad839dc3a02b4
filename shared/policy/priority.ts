import type { Impact, Urgency } from '../ticket/schema';
import type { Policy } from './schema';

export type ContractTier = keyof Policy['defaultPriorityByTier'];

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

/** The priority of a new ticket: the matrix value, raised to the contract tier's default when that is higher. */
export function initialPriority(policy: Policy, impact: Impact, urgency: Urgency, tier?: ContractTier): string {
  const fromMatrix = priorityFor(policy, impact, urgency);
  const floor = tier ? policy.defaultPriorityByTier[tier] : undefined;
  if (floor === undefined) return fromMatrix;
  return priorityRank(policy, floor) < priorityRank(policy, fromMatrix) ? floor : fromMatrix;
}

/** The higher of two priorities (lower rank); an id the policy does not define counts as the lowest. */
function higher(policy: Policy, a: string, b: string): string {
  const rank = (id: string): number => {
    const i = policy.priorities.findIndex((p) => p.id === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return rank(b) < rank(a) ? b : a;
}

/**
 * The priority after a ticket is re-graded — the one rule every severity change follows.
 * - Only impact or urgency move priority: a pure severity change keeps it, so a contract-tier
 *   floor or an escalation's raise is never lost because someone adjusted the severity.
 * - When impact or urgency change, the matrix decides, raised to the contract tier's floor.
 * - `tier: undefined` means the customer (and so the floor) is not known here: then the matrix may
 *   only raise, never lower, because lowering could drop a floor nobody can check.
 */
export function regradedPriority(policy: Policy, current: { impact: Impact; urgency: Urgency; priority: string }, impact: Impact, urgency: Urgency, tier: ContractTier | undefined): string {
  if (impact === current.impact && urgency === current.urgency) return current.priority;
  const fromMatrix = priorityFor(policy, impact, urgency);
  if (tier === undefined) return higher(policy, current.priority, fromMatrix);
  const floor = policy.defaultPriorityByTier[tier];
  return floor === undefined ? fromMatrix : higher(policy, fromMatrix, floor);
}

/** Words an escalation rule may use instead of a priority id, so one matrix serves policies with different priority scales. */
export const relativePriorityRaises = ['top', 'next'] as const;

/**
 * The priority an automatic raise moves a ticket to under this policy, or undefined when it would
 * not raise: "top" is the policy's highest priority, "next" one step above the current one, any
 * other value must be a priority the policy defines. A raise never lowers: a target at or below
 * the current priority gives undefined. An unknown current priority counts as the lowest.
 */
export function resolvePriorityRaise(policy: Policy, current: string, raiseTo: string): string | undefined {
  const ids = policy.priorities.map((p) => p.id);
  const cur = ids.indexOf(current);
  const curRank = cur < 0 ? ids.length : cur;
  let target: number;
  if (raiseTo === 'top') target = 0;
  else if (raiseTo === 'next') target = curRank - 1;
  else target = ids.indexOf(raiseTo);
  if (target < 0 || target >= curRank) return undefined;
  return ids[target];
}
