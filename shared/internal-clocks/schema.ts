import { z } from 'zod';

// The internal hand-off process a vendor runs behind the customer's SLA: who tells whom within how
// many minutes. These clocks are the team's own discipline, never a promise to the customer, so
// they stay out of customer mail and customer SLA compliance.

/** The people a step passes between; 'customer' is the customer's contact (told the result). */
export const internalRoles = ['receptionist', 'specialist', 'service_manager', 'engineer', 'implementation_manager', 'customer'] as const;
export const internalRoleSchema = z.enum(internalRoles);
export type InternalRole = z.infer<typeof internalRoleSchema>;

/**
 * When a step's clock starts: at the ticket's creation, when the step before it is done, or at a
 * fact someone records (the engineer finished the work; the customer confirmed the fix).
 */
export const stepStartSchema = z.enum(['created', 'previous', 'recorded']);

export const internalStepSchema = z
  .object({
    /** Stable id; the six steps of the shipped process have translated names. */
    id: z.string().trim().min(1).max(60).regex(/^[a-z0-9_]+$/, 'step id: lower-case letters, digits and _ only'),
    /** Whose turn it is while the step runs. */
    from: internalRoleSchema,
    /** Who must have been told when the step is done. */
    to: internalRoleSchema,
    /** Open minutes of the ticket's calendar the step may take. */
    minutes: z.number().int().min(1).max(7 * 24 * 60),
    startsOn: stepStartSchema,
  })
  .strict();
export type InternalStep = z.infer<typeof internalStepSchema>;

export const internalProcessSchema = z
  .object({
    steps: z.array(internalStepSchema).min(1).max(20),
    /**
     * The engineer's work between the hand-off to them and the report of completion: when nothing
     * is recorded on the ticket (a note, a status change, a hand-off) for `minutes`, the work is
     * escalated to `escalateTo`, once, by the system.
     */
    noProgress: z.object({ minutes: z.number().int().min(1).max(24 * 60), escalateTo: internalRoleSchema }).strict().optional(),
    /** A fault not solvable the same day is reported to the engineer's superior with an interim report at the end of the working day. */
    interimReport: z.boolean().default(false),
  })
  .strict()
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.steps.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate internal step id "${s.id}"` });
      ids.add(s.id);
      if (s.startsOn === 'previous' && i === 0) ctx.addIssue({ code: 'custom', path: ['steps', 0, 'startsOn'], message: 'the first internal step cannot start on a previous step' });
    });
  });
export type InternalProcess = z.infer<typeof internalProcessSchema>;

/** What a recorded fact says: a step started, was done (the hand-off), or the system escalated it. */
export const internalMarks = ['start', 'done', 'escalated', 'interim_scheduled', 'interim_sent'] as const;
export const internalMarkSchema = z.enum(internalMarks);
export type InternalMark = z.infer<typeof internalMarkSchema>;

/** One recorded fact of the internal process, kept on the ticket (the clocks are derived from these). */
export const internalFactSchema = z
  .object({
    step: z.string().min(1).max(60),
    mark: internalMarkSchema,
    at: z.number().int().nonnegative(),
    by: z.string().min(1),
    /** The person (user id) the hand-off went to: their turn next. */
    to: z.string().max(200).optional(),
  })
  .strict();
export type InternalFact = z.infer<typeof internalFactSchema>;
