import type { Ticket } from '../ticket/schema';
import type { Entitlement } from './entitlement';

/** Why E-Down cannot be set while a case is first logged, as a code (the UI's own words) and its values. */
export type EDownAtIntakeProblem =
  | { code: 'non_contract' }
  | { code: 'no_edown_level'; policy: string }
  | { code: 'contract_excludes'; number: string }
  | { code: 'channel'; channel: Ticket['channel'] };

export const eDownAtIntakeCodes = ['non_contract', 'no_edown_level', 'contract_excludes', 'channel'] as const satisfies readonly EDownAtIntakeProblem['code'][];

/**
 * Why E-Down cannot be set while the case is first logged on this channel, or undefined when an
 * engineer may set it now. E-Down is for customers whose contract includes it; the policy names
 * the channels (the portal, e-mail) through which it is never chosen at creation, only afterwards.
 * On a live phone call the engineer sets it (the preferred route for a production-down emergency).
 */
export function eDownAtIntakeProblem(entitlement: Entitlement, channel: Ticket['channel']): EDownAtIntakeProblem | undefined {
  const notEntitled = eDownEntitlementProblem(entitlement);
  if (notEntitled) return notEntitled;
  if (entitlement.policy.eDown?.notAtCreationVia.includes(channel)) return { code: 'channel', channel };
  return undefined;
}

/** Why this customer may not have E-Down at all, whenever it is set (at intake or later in the severity editor), or undefined. */
export type EDownEntitlementProblem = Exclude<EDownAtIntakeProblem, { code: 'channel' }>;

/**
 * Why the customer's entitlement rules out E-Down whenever it is set (when the case is logged or
 * later, in the severity editor): E-Down is for customers whose contract includes it, under a
 * policy that has the level. The channel rule is the only one that applies at creation only.
 */
export function eDownEntitlementProblem(entitlement: Entitlement): EDownEntitlementProblem | undefined {
  if (entitlement.terms === 'non_contract') return { code: 'non_contract' };
  if (!entitlement.policy.eDown) return { code: 'no_edown_level', policy: entitlement.policy.name };
  if (!entitlement.eDownEligible) return { code: 'contract_excludes', number: entitlement.contract?.number ?? '' };
  return undefined;
}

/** The problem in English (command refusals, logs). */
export function eDownAtIntakeText(p: EDownAtIntakeProblem): string {
  switch (p.code) {
    case 'non_contract':
      return 'E-Down is only for customers with a service contract; this customer has none.';
    case 'no_edown_level':
      return `Policy "${p.policy}" has no E-Down level.`;
    case 'contract_excludes':
      return `Contract ${p.number} does not include E-Down.`.replace('  ', ' ');
    case 'channel':
      return `E-Down cannot be chosen when a case is first logged through the ${p.channel}; log it first, then raise it to E-Down (a phone call to the engineer is the quickest way).`;
  }
}

/** `eDownAtIntakeProblem` in English, or undefined when E-Down may be set now. */
export function eDownAtIntakeRefusal(entitlement: Entitlement, channel: Ticket['channel']): string | undefined {
  const p = eDownAtIntakeProblem(entitlement, channel);
  return p ? eDownAtIntakeText(p) : undefined;
}
