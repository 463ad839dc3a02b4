import type { z } from 'zod';
import { clockKinds } from '../../../../shared/sla/watch';
import { impactClasses, urgencies, intakeChannels } from '../../../../shared/ticket/schema';
import { contractTiers } from '../../../../shared/directory/schema';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Issue = z.core.$ZodRawIssue;

/**
 * Zod's own messages ("Too small: expected number to be >0") in the administrator's language, for
 * the problems every schema shares: missing, wrong kind, too small or large, not one of the choices.
 * Passed as the per-parse error map; messages a schema states itself take precedence.
 */
export function zodErrorText(t: Translate): (issue: Issue) => string {
  return (issue) => {
    const number = issue.origin === 'number' || issue.origin === 'int';
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === '' || Number.isNaN(issue.input) ? t('admin.validation.required') : t('admin.validation.invalid');
      case 'too_small':
        if (number) return issue.inclusive ? t('admin.validation.atLeast', { n: issue.minimum }) : t('admin.validation.above', { n: issue.minimum });
        if (issue.origin === 'array') return t('admin.validation.atLeastItems', { n: issue.minimum });
        return t('admin.validation.required');
      case 'too_big':
        if (number) return issue.inclusive ? t('admin.validation.atMost', { n: issue.maximum }) : t('admin.validation.below', { n: issue.maximum });
        return t('admin.validation.tooLong', { n: issue.maximum });
      case 'invalid_value':
        return t('admin.validation.choose');
      case 'invalid_format':
        return t('admin.validation.format');
      default:
        return t('admin.validation.invalid');
    }
  };
}

// The policy rules' own sentences (shared/policy/schema.ts), in words of each language.
const policyMessages: ReadonlyArray<[RegExp, string, string[]]> = [
  [/^duplicate severity level id "(.*)"$/, 'admin.validation.duplicateLevel', ['id']],
  [/^aboveTop level "(.*)" must be listed first$/, 'admin.validation.aboveTopFirst', ['id']],
  [/^warning thresholds must be strictly ascending$/, 'admin.validation.thresholdsAscending', []],
  [/^duplicate priority id$/, 'admin.validation.duplicatePriority', []],
  [/^unknown priority "(.*)"$/, 'admin.validation.unknownPriority', ['id']],
  [/^unknown severity level "(.*)"$/, 'admin.validation.unknownLevel', ['id']],
  [/^E-Down level "(.*)" must be marked aboveTop$/, 'admin.validation.eDownAboveTop', ['id']],
  [/^a policy with an aboveTop level needs an eDown rule$/, 'admin.validation.aboveTopNeedsEDown', []],
  [/^a working_days target must be a whole number of days$/, 'admin.validation.wholeDays', []],
];

/** A validation message in the user's language; one we have no words for is shown as the rule wrote it. */
export function messageText(message: string, t: Translate): string {
  for (const [pattern, key, names] of policyMessages) {
    const m = pattern.exec(message);
    if (m) return t(key, Object.fromEntries(names.map((n, i) => [n, m[i + 1]])));
  }
  return message;
}

/** Field names of the policy and calendar forms that have a label. */
export const pathFields = [
  'name', 'description', 'calendarId', 'severityLevels', 'id', 'label', 'aboveTop', 'targets', 'unit', 'value', 'steps', 'priorities',
  'priorityMatrix', 'defaultPriorityByTier', 'warningThresholds', 'pauseWhileWaitingCustomer', 'firstResponseByChannel', 'eDown', 'levelId',
  'qualifyingReasons', 'questionnaire', 'notAtCreationVia', 'requiredIntakeFields', 'calendar', 'week', 'holidays', 'timeZone', 'overrides',
] as const;
const fieldIds: ReadonlySet<string> = new Set(pathFields);
const clockIds: ReadonlySet<string> = new Set(clockKinds);
const impactIds: ReadonlySet<string> = new Set(impactClasses);
const urgencyIds: ReadonlySet<string> = new Set(urgencies);
const channelIds: ReadonlySet<string> = new Set(intakeChannels);
const tierIds: ReadonlySet<string> = new Set(contractTiers);

/**
 * Where a problem is, in words: "severityLevels.0.targets.first_response.value" reads
 * "Level 1 › First response › Target". Segments we have no words for stay as they are.
 */
export function pathText(path: string, t: Translate): string {
  if (!path) return t('admin.wholeItem');
  const parts = path.split('.');
  return parts
    .map((part, i) => {
      const before = parts[i - 1];
      if (/^\d+$/.test(part)) return before === 'severityLevels' ? t('admin.paths.level', { n: Number(part) + 1 }) : `#${Number(part) + 1}`;
      if (before === 'targets' && clockIds.has(part)) return t(`clocks.${part}`);
      if (impactIds.has(part) && before === 'priorityMatrix') return t(`impact.${part}`);
      if (urgencyIds.has(part) && parts[i - 2] === 'priorityMatrix') return t(`urgency.${part}`);
      if (channelIds.has(part)) return t(`intake.channels.${part}`);
      if (tierIds.has(part)) return t(`tier.${part}`);
      if (fieldIds.has(part)) return t(`admin.paths.${part}`);
      return part;
    })
    .filter((s, i, all) => !(parts[i] === 'severityLevels' && all[i + 1] !== undefined))
    .join(' › ');
}
