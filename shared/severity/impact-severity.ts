// Where a policy says that severity follows the impact class (a service-affecting fault is
// critical, a degradation major, a non-service-affecting one minor), the level comes from the
// impact a person records; choosing another level is an override that needs a written reason.
import type { Policy } from '../policy/schema';
import type { Impact } from '../ticket/schema';

/** The severity level the impact class gives under this policy, or undefined when the policy does not tie them. */
export function severityForImpact(policy: Pick<Policy, 'severityByImpact'>, impact: Impact): string | undefined {
  return policy.severityByImpact?.[impact];
}

/**
 * The level the impact class would give when `severity` differs from it (an override, which needs
 * a reason), else undefined. The E-Down level sits above the scale and is never an override.
 */
export function impactOverride(policy: Pick<Policy, 'severityByImpact' | 'severityLevels'>, severity: string, impact: Impact): string | undefined {
  const derived = severityForImpact(policy, impact);
  if (derived === undefined || derived === severity) return undefined;
  if (policy.severityLevels.find((l) => l.id === severity)?.aboveTop) return undefined;
  return derived;
}
