import { z } from 'zod';
import { instantSchema, ticketStatusSchema, impactSchema, urgencySchema } from './schema';
import { clockKindSchema } from '../sla/watch';
import { internalMarkSchema } from '../internal-clocks/schema';

const base = {
  id: z.string().min(1),
  ticketId: z.string().min(1),
  at: instantSchema,
  /** User id of who did it ('system' for automatic events). */
  by: z.string().min(1),
};

/**
 * The ticket's timeline is append-only: every event is a fact that happened, so events never
 * conflict in sync and the order (at, id) is the same on every device.
 */
export const timelineEventSchema = z.discriminatedUnion('kind', [
  /** `severityOverride`: the severity chosen differs from the one the impact class gives, and why. */
  z.object({ ...base, kind: z.literal('created'), severityOverride: z.object({ derived: z.string().min(1), reason: z.string().trim().min(1).max(2000) }).optional() }),
  z.object({ ...base, kind: z.literal('note'), visibility: z.enum(['internal', 'external']), text: z.string().trim().min(1).max(50_000) }),
  z.object({ ...base, kind: z.literal('status_changed'), from: ticketStatusSchema, to: ticketStatusSchema, reason: z.string().default('') }),
  z.object({
    ...base,
    kind: z.literal('severity_changed'),
    from: z.object({ severity: z.string(), impact: impactSchema, urgency: urgencySchema, priority: z.string() }),
    to: z.object({ severity: z.string(), impact: impactSchema, urgency: urgencySchema, priority: z.string() }),
    reason: z.string().trim().min(1),
    /** Set when the new severity overrides the one the impact class gives (the reason says why). */
    impactClassGives: z.string().optional(),
  }),
  z.object({ ...base, kind: z.literal('assigned'), from: z.string().optional(), to: z.string().optional() }),
  z.object({ ...base, kind: z.literal('customer_update'), text: z.string().default('') }),
  z.object({ ...base, kind: z.literal('sla_alert'), clock: clockKindSchema, threshold: z.number().int(), target: instantSchema }),
  z.object({
    ...base,
    kind: z.literal('escalated'),
    level: z.number().int().positive(),
    levelName: z.string(),
    recipients: z.array(z.string()),
    ask: z.string().default(''),
    automatic: z.boolean(),
  }),
  z.object({ ...base, kind: z.literal('visit'), visitId: z.string(), change: z.string(), detail: z.string().default('') }),
  // Mail sent from the ticket: queued on the device, then sent or failed (with the reason) by the server.
  z.object({
    ...base,
    kind: z.literal('mail'),
    status: z.enum(['queued', 'sent', 'failed']),
    mailId: z.string().min(1),
    to: z.array(z.string()),
    subject: z.string(),
    text: z.string().default(''),
    reason: z.string().default(''),
  }),
  /**
   * A reason-for-outage report: the customer asked for it ('requested'), or it was sent
   * ('delivered', with the document's text and/or file name so the record shows what was sent).
   */
  z.object({ ...base, kind: z.literal('rfo'), step: z.enum(['requested', 'delivered']), document: z.string().max(50_000).default(''), fileName: z.string().max(255).default('') }),
  /** Work deferred by agreement with the customer until `until`; `agreedWith` names who agreed. */
  z.object({ ...base, kind: z.literal('deferred'), until: instantSchema, agreedWith: z.string().min(1), note: z.string().default('') }),
  /** The SPR/defect reference was set or changed (`reference`), or cleared (empty). */
  z.object({ ...base, kind: z.literal('defect_reference'), reference: z.string().max(120) }),
  /**
   * A fact of the team's internal hand-off process (never shown to the customer): a step started
   * or handed off (`to`: who takes the next turn), the system's escalation for lack of progress
   * (`rule` names it), an interim report scheduled or sent (`text`).
   */
  z.object({
    ...base,
    kind: z.literal('internal_step'),
    step: z.string().min(1).max(60),
    mark: internalMarkSchema,
    to: z.string().max(200).default(''),
    rule: z.string().max(500).default(''),
    text: z.string().max(20_000).default(''),
    /** When a scheduled interim report is due. */
    dueAt: instantSchema.optional(),
  }),
  z.object({ ...base, kind: z.literal('conflict'), field: z.string(), mine: z.string(), theirs: z.string(), resolved: z.boolean().default(false) }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type TimelineEventKind = TimelineEvent['kind'];
