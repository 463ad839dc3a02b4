// "A more severe ticket is never due later than a less severe one": checked with real deadlines
// (every channel, tickets logged every 3 hours over two weeks) before an administrator's policy is
// saved or a configuration file is imported. A policy that breaks it is refused with the first
// violation in words.
import { severityOrderViolations, weekProbes, type SeverityOrderViolation } from '../../../../shared/contract';
import type { Policy } from '../../../../shared/policy';
import type { DeskConfig } from '../../../../shared/sla';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Probes start on a Monday so both weeks cover every weekday, weekend and hour band. */
const probeStart = Date.UTC(2026, 2, 2);

/** The first violation of the policy under the configuration (the policy stands in for its stored version), if any. */
export function firstSeverityOrderViolation(policy: Policy, config: DeskConfig): SeverityOrderViolation | undefined {
  return severityOrderViolations(policy, config, weekProbes(probeStart))[0];
}

/** The violation in the administrator's language. */
export function severityOrderText(v: SeverityOrderViolation, policy: Policy, t: Translate, locale: string): string {
  const label = (id: string) => policy.severityLevels.find((l) => l.id === id)?.label ?? id;
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(ms);
  return t('admin.severityOrder', {
    policy: policy.name, higher: label(v.higher), lower: label(v.lower), clock: t(`clocks.${v.kind}`), channel: t(`intake.channels.${v.channel}`),
    at: when(v.at), higherDue: when(v.higherDue), lowerDue: when(v.lowerDue),
  });
}
