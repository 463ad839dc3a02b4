import type { Policy, SeverityLevel } from './schema';
import { policySchema } from './schema';
import { describeZodError } from '../ipc/contract';

/** The severity level with this id, or a RangeError naming the policy and its levels. */
export function findLevel(policy: Policy, levelId: string): SeverityLevel {
  const level = policy.severityLevels.find((l) => l.id === levelId);
  if (!level) {
    throw new RangeError(`severity "${levelId}" is not a level of policy "${policy.id}" (levels: ${policy.severityLevels.map((l) => l.id).join(', ')})`);
  }
  return level;
}

/** The calendar id a level's clocks run on. */
export function levelCalendarId(policy: Policy, level: SeverityLevel): string {
  return level.calendarId ?? policy.calendarId;
}

/** Parses a policy from unknown input (an imported preset, an IPC payload); throws a readable error listing every problem. */
export function parsePolicy(input: unknown): Policy {
  const r = policySchema.safeParse(input);
  if (!r.success) throw new RangeError(`invalid policy: ${describeZodError(r.error)}`);
  return r.data;
}
