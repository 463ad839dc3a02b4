import type { Ticket } from '../ticket/schema';
import type { Entitlement } from './entitlement';

/**
 * Why E-Down cannot be set while the case is first logged on this channel, or undefined when an
 * engineer may set it now. E-Down is for customers whose contract includes it; the policy names
 * the channels (the portal, e-mail) through which it is never chosen at creation, only afterwards.
 */
export function eDownAtIntakeRefusal(entitlement: Entitlement, channel: Ticket['channel']): string | undefined {
  const rule = entitlement.policy.eDown;
  if (entitlement.terms === 'non_contract') return 'E-Down is only for customers with a service contract; this customer has none.';
  if (!rule) return `Policy "${entitlement.policy.name}" has no E-Down level.`;
  if (!entitlement.eDownEligible) return `Contract ${entitlement.contract?.number ?? ''} does not include E-Down.`.replace('  ', ' ');
  if (rule.notAtCreationVia.includes(channel)) return `E-Down cannot be chosen when a case is first logged through the ${channel}; log it first, then raise it to E-Down (a phone call to the engineer is the quickest way).`;
  return undefined;
}
