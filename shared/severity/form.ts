import { z } from 'zod';
import { eDownReasons, type Ticket } from '../ticket/schema';
import { severityChangeSchema } from './schema';
import type { Policy } from '../policy/schema';
import { validateEDown } from './e-down';

/** The E-Down questionnaire as a form fills it: every answer may still be missing. */
export const eDownDraftSchema = z.object({
  reason: z.enum(eDownReasons).optional(),
  usersTotal: z.number().int().optional(),
  usersAffected: z.number().int().optional(),
  actionsTaken: z.string().optional(),
  downSince: z.number().int().optional(),
  technicalContact: z.string().optional(),
});

/**
 * The severity editor's form: the severity change schema, checked against the ticket's policy —
 * the level must exist, a reason is required, and choosing the E-Down level needs every
 * questionnaire answer (errors per field, while the answers are still a draft).
 */
export function severityChangeFormSchema(ticket: Pick<Ticket, 'status' | 'channel'>, policy: Policy) {
  const levelIds = policy.severityLevels.map((l) => l.id);
  return severityChangeSchema
    .extend({
      severity: severityChangeSchema.shape.severity.refine((s) => levelIds.includes(s), { message: `choose one of ${levelIds.join(', ')}` }),
      eDown: eDownDraftSchema.optional(),
    })
    .superRefine((form, ctx) => {
      if (!policy.eDown || form.severity !== policy.eDown.levelId) return;
      for (const message of validateEDown(ticket, form.eDown, policy, { atCreation: false, channel: ticket.channel })) {
        ctx.addIssue({ code: 'custom', path: ['eDown'], message });
      }
    });
}
export type SeverityChangeForm = z.infer<ReturnType<typeof severityChangeFormSchema>>;
