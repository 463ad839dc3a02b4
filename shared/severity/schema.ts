import { z } from 'zod';
import { eDownAnswersSchema, impactSchema, urgencySchema } from '../ticket/schema';

/**
 * A severity change as people ask for it: the one schema the sync mutation's args and the
 * severity editor's form both derive from. Priority is not part of it: the severity command
 * decides priority, never the caller.
 */
export const severityChangeSchema = z.object({
  severity: z.string().min(1),
  impact: impactSchema,
  urgency: urgencySchema,
  reason: z.string().trim().min(1, 'say why the severity changes'),
  /** The E-Down questionnaire, given when the new severity is the policy's E-Down level. */
  eDown: eDownAnswersSchema.optional(),
});
export type SeverityChangeRequest = z.infer<typeof severityChangeSchema>;
