import { z } from 'zod';
import { internalProcessSchema } from '../internal-clocks/schema';
import { clockKindSchema } from '../sla/watch';
import { eDownReasons, impactSchema, intakeChannelSchema, urgencySchema } from '../ticket/schema';
import { contractTiers } from '../directory/schema';

/** How a clock's target is measured: open time of the calendar, wall-clock time, or whole working days. */
export const clockUnits = ['business_minutes', 'elapsed_minutes', 'working_days'] as const;
export const clockUnitSchema = z.enum(clockUnits);
export type ClockUnit = z.infer<typeof clockUnitSchema>;

export const clockTargetSchema = z
  .object({
    unit: clockUnitSchema,
    value: z.number().positive().finite(),
    /** This clock alone runs on another calendar (e.g. an RFO in working days while the level runs 24x7). */
    calendarId: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => t.unit !== 'working_days' || Number.isInteger(t.value), { message: 'a working_days target must be a whole number of days' });
export type ClockTarget = z.infer<typeof clockTargetSchema>;

/** Update cadence: the n-th customer update is due steps[n] after the previous one; the last step repeats. */
export const cadenceTargetSchema = z
  .object({ unit: z.enum(['business_minutes', 'elapsed_minutes']), steps: z.array(z.number().positive().finite()).min(1), calendarId: z.string().min(1).optional() })
  .strict();
export type CadenceTarget = z.infer<typeof cadenceTargetSchema>;

export const levelTargetsSchema = z
  .object({
    first_response: clockTargetSchema.optional(),
    update_cadence: cadenceTargetSchema.optional(),
    online_resolution: clockTargetSchema.optional(),
    on_site_arrival: clockTargetSchema.optional(),
    resolution: clockTargetSchema.optional(),
    rfo: clockTargetSchema.optional(),
  })
  .strict();
export type LevelTargets = z.infer<typeof levelTargetsSchema>;

export const severityLevelSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().trim().min(1),
    description: z.string().default(''),
    /** A level above the top of the normal scale (E-Down): only reachable through the E-Down questionnaire. */
    aboveTop: z.boolean().default(false),
    /** This level's clocks run on their own calendar (E-Down 24x7; a top severity answered outside office hours too). */
    calendarId: z.string().min(1).optional(),
    targets: levelTargetsSchema,
    /** First-response target by intake channel (e.g. electronic issues answered the next working day). */
    firstResponseByChannel: z.partialRecord(intakeChannelSchema, clockTargetSchema).default({}),
  })
  .strict();
export type SeverityLevel = z.infer<typeof severityLevelSchema>;

export const priorityLevelSchema = z.object({ id: z.string().min(1), label: z.string().trim().min(1) }).strict();
export type PriorityLevel = z.infer<typeof priorityLevelSchema>;

/** Intake fields a policy can require. */
export const intakeFieldNames = [
  'contactName',
  'contactEmail',
  'contactPhone',
  'company',
  'contractNumber',
  'productSerial',
  'productVersion',
  'patchLevel',
  'operatingSystem',
  'configuration',
  'database',
  'serviceId',
  'problemStartedAt',
  'description',
  'impact',
  'circuitId',
  'intermittent',
  'logs',
  'ipAddress',
] as const;
export const intakeFieldNameSchema = z.enum(intakeFieldNames);
export type IntakeFieldName = z.infer<typeof intakeFieldNameSchema>;

export const eDownQuestions = ['reason', 'usersTotal', 'usersAffected', 'actionsTaken', 'downSince', 'technicalContact'] as const;

export const eDownRuleSchema = z
  .object({
    enabled: z.boolean(),
    /** The aboveTop severity level E-Down sets. */
    levelId: z.string().min(1),
    qualifyingReasons: z.array(z.enum(eDownReasons)).min(1),
    questionnaire: z.array(z.enum(eDownQuestions)).min(1),
    /** Channels through which E-Down cannot be chosen when the case is first logged (e.g. the portal). */
    notAtCreationVia: z.array(intakeChannelSchema).default([]),
  })
  .strict();
export type EDownRule = z.infer<typeof eDownRuleSchema>;

export const policySchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1),
    description: z.string().default(''),
    /** The business calendar the clocks run on unless a level names its own. */
    calendarId: z.string().min(1),
    /** Ordered from most to least severe; an aboveTop level comes first. */
    severityLevels: z.array(severityLevelSchema).min(1),
    /** Percentages of a clock's target at which a warning fires (the breach itself is 100). */
    warningThresholds: z.array(z.number().int().min(1).max(99)).default([]),
    /** Clocks that stop while the ticket waits for the customer; absent means the clock keeps running. */
    pauseWhileWaitingCustomer: z.partialRecord(clockKindSchema, z.boolean()).default({}),
    /** Ordered from highest to lowest priority. */
    priorities: z.array(priorityLevelSchema).min(1),
    priorityMatrix: z.record(impactSchema, z.record(urgencySchema, z.string().min(1))),
    /** A floor on the initial priority by contract tier (e.g. 7x24 hotline customers get high priority). */
    defaultPriorityByTier: z.partialRecord(z.enum(contractTiers), z.string().min(1)).default({}),
    requiredIntakeFields: z.array(intakeFieldNameSchema).default([]),
    /**
     * Severity follows the impact class: the level each class gives. Choosing another level at
     * intake or in the severity editor is an override that needs a written reason.
     */
    severityByImpact: z.partialRecord(impactSchema, z.string().min(1)).optional(),
    eDown: eDownRuleSchema.optional(),
    /**
     * After a severity change, whether the new level's targets count from the ticket's original
     * start ('start') or from the moment of the change ('change'); `why` says why this policy
     * chose it and is shown where the choice matters (the severity editor's preview). Absent
     * means 'start', which is what every policy saved before this setting existed did.
     */
    retargetOnSeverityChange: z.object({ from: z.enum(['start', 'change']), why: z.string().default('') }).strict().optional(),
    /** What a customer without a valid contract gets (e.g. electronic support only, answered the next working day). */
    nonContractTerms: z
      .object({ channels: z.array(intakeChannelSchema).min(1), first_response: clockTargetSchema })
      .strict()
      .optional(),
    /**
     * From which escalation level (1-based, as a ticket's escalationLevel counts the policy's
     * matrix) an escalation must name the software performance report (SPR/defect) raised with
     * engineering; `why` is shown with the refusal. Absent: no level needs one.
     */
    defectReference: z.object({ requiredFromLevel: z.number().int().positive(), why: z.string().default('') }).strict().optional(),
    /** The team's internal hand-off steps and their minutes (never customer-facing); absent: none. */
    internalProcess: internalProcessSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const levelIds = new Set<string>();
    p.severityLevels.forEach((l, i) => {
      if (levelIds.has(l.id)) issue(['severityLevels', i, 'id'], `duplicate severity level id "${l.id}"`);
      levelIds.add(l.id);
      if (l.aboveTop && i !== 0) issue(['severityLevels', i, 'aboveTop'], `aboveTop level "${l.id}" must be listed first`);
    });
    for (let i = 1; i < p.warningThresholds.length; i++) {
      if ((p.warningThresholds[i] ?? 0) <= (p.warningThresholds[i - 1] ?? 0)) issue(['warningThresholds'], 'warning thresholds must be strictly ascending');
    }
    const priorityIds = new Set(p.priorities.map((x) => x.id));
    if (priorityIds.size !== p.priorities.length) issue(['priorities'], 'duplicate priority id');
    for (const [impact, row] of Object.entries(p.priorityMatrix)) {
      for (const [urgency, prio] of Object.entries(row)) {
        if (!priorityIds.has(prio)) issue(['priorityMatrix', impact, urgency], `unknown priority "${prio}"`);
      }
    }
    for (const [tier, prio] of Object.entries(p.defaultPriorityByTier)) {
      if (prio !== undefined && !priorityIds.has(prio)) issue(['defaultPriorityByTier', tier], `unknown priority "${prio}"`);
    }
    for (const [impact, levelId] of Object.entries(p.severityByImpact ?? {})) {
      if (levelId !== undefined && !levelIds.has(levelId)) issue(['severityByImpact', impact], `unknown severity level "${levelId}"`);
    }
    if (p.eDown) {
      const level = p.severityLevels.find((l) => l.id === p.eDown?.levelId);
      if (!level) issue(['eDown', 'levelId'], `unknown severity level "${p.eDown.levelId}"`);
      else if (!level.aboveTop) issue(['eDown', 'levelId'], `E-Down level "${level.id}" must be marked aboveTop`);
    } else if (p.severityLevels.some((l) => l.aboveTop)) {
      issue(['eDown'], 'a policy with an aboveTop level needs an eDown rule');
    }
  });
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** Every calendar id a policy refers to, so a loader can check they all exist. */
export function policyCalendarIds(policy: Policy): string[] {
  const ids = new Set([policy.calendarId]);
  for (const l of policy.severityLevels) {
    if (l.calendarId) ids.add(l.calendarId);
    for (const t of [...Object.values(l.targets), ...Object.values(l.firstResponseByChannel)]) if (t?.calendarId) ids.add(t.calendarId);
  }
  return [...ids];
}
