import { policyCalendarIds } from '../../../shared/policy';
import type { Config } from './config-store';

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Policies whose tickets may have other deadlines under `next` than under `prev`: the policy itself
 * changed (or appeared, or went away), or it runs a clock on a calendar that changed.
 */
export function affectedPolicyIds(prev: Config, next: Config): Set<string> {
  const calendarIds = new Set([...Object.keys(prev.calendars), ...Object.keys(next.calendars)]);
  const changedCalendars = new Set([...calendarIds].filter((id) => !same(prev.calendars[id], next.calendars[id])));
  const out = new Set<string>();
  for (const id of new Set([...prev.policies.keys(), ...next.policies.keys()])) {
    const a = prev.policies.get(id);
    const b = next.policies.get(id);
    if (!a || !b || !same(a, b)) {
      out.add(id);
      continue;
    }
    if (changedCalendars.size > 0 && policyCalendarIds(b).some((c) => changedCalendars.has(c))) out.add(id);
  }
  return out;
}
