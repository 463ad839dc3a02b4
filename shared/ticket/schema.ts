import { z } from 'zod';
import { internalFactSchema } from '../internal-clocks/schema';

/** Epoch milliseconds. Instants are stored as numbers so that Dexie can index them and sync can ship them as JSON. */
export const instantSchema = z.number().int().nonnegative();
export type Instant = z.infer<typeof instantSchema>;

export const ticketStatuses = [
  'received',
  'acknowledged',
  'in_progress',
  'waiting_customer',
  'resolved',
  'confirmed',
  'closed',
] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const impactClasses = ['service_affecting', 'degradation', 'non_service_affecting'] as const;
export const impactSchema = z.enum(impactClasses);
export type Impact = z.infer<typeof impactSchema>;

export const urgencies = ['high', 'medium', 'low'] as const;
export const urgencySchema = z.enum(urgencies);
export type Urgency = z.infer<typeof urgencySchema>;

export const intakeChannels = ['phone', 'email', 'portal'] as const;
export const intakeChannelSchema = z.enum(intakeChannels);

/** The E-Down questionnaire: every answer is required before E-Down can be set. */
export const eDownReasons = [
  'users_cannot_reach_server',
  'server_unresponsive_or_exiting',
  'suppliers_cannot_reach',
  'end_user_productivity_down_80',
  'server_performance_down_80',
] as const;
export const eDownAnswersSchema = z.object({
  reason: z.enum(eDownReasons),
  usersTotal: z.number().int().positive(),
  usersAffected: z.number().int().nonnegative(),
  actionsTaken: z.string().trim().min(1),
  downSince: instantSchema,
  technicalContact: z.string().trim().min(1),
});
export type EDownAnswers = z.infer<typeof eDownAnswersSchema>;

/**
 * The facts the SLA clocks are computed from. Mutations keep them up to date; clocks are never
 * stored, always derived (shared/sla computeClocks), so a policy or calendar change re-targets them.
 */
export const slaFactsSchema = z.object({
  /** Every severity the ticket has had, oldest first; the first entry is the severity at creation. */
  severityHistory: z.array(z.object({ at: instantSchema, severity: z.string().min(1) })).min(1),
  /** Intervals spent waiting for the customer; `to` is absent while still waiting. */
  pauses: z.array(z.object({ from: instantSchema, to: instantSchema.optional() })).default([]),
  respondedAt: instantSchema.optional(),
  /** Instants at which a customer update was sent (the update-cadence clock). */
  customerUpdates: z.array(instantSchema).default([]),
  resolvedAt: instantSchema.optional(),
  /** Set when the online window ended unresolved or a visit was requested by hand. */
  onSiteRequestedAt: instantSchema.optional(),
  arrivedAt: instantSchema.optional(),
  rfoRequestedAt: instantSchema.optional(),
  rfoDeliveredAt: instantSchema.optional(),
  /**
   * Work deferred by mutual agreement with the customer (a non-service-affecting fault raised
   * outside hours, resumed the next business day): every clock but the RFO pauses from `from`
   * until `until`. Optional so tickets stored before deferrals existed keep loading.
   */
  deferrals: z.array(z.object({ from: instantSchema, until: instantSchema, agreedWith: z.string().trim().min(1).max(200) })).optional(),
});
export type SlaFacts = z.infer<typeof slaFactsSchema>;

export const ticketSchema = z.object({
  id: z.string().min(1),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).default(''),
  channel: intakeChannelSchema,
  customerId: z.string().min(1),
  contactName: z.string().default(''),
  contactEmail: z.string().default(''),
  contactPhone: z.string().default(''),
  productLine: z.string().min(1),
  product: z.string().min(1),
  productVersion: z.string().default(''),
  region: z.string().min(1),
  /** Where and on what the problem is, and the contract that decides its terms (absent on tickets logged before contracts). */
  siteId: z.string().min(1).optional(),
  assetId: z.string().min(1).optional(),
  contractId: z.string().min(1).optional(),
  policyId: z.string().min(1),
  severity: z.string().min(1),
  impact: impactSchema,
  urgency: urgencySchema,
  /** Derived from the policy's impact x urgency matrix when impact or urgency change; stored for indexing. */
  priority: z.string().min(1),
  status: ticketStatusSchema,
  ownerId: z.string().optional(),
  escalationLevel: z.number().int().nonnegative().default(0),
  /**
   * The software performance report (SPR) or defect raised with engineering for this problem,
   * as its tracker names it ("SPR 2241398"). Optional: most tickets never need one.
   */
  defectReference: z.string().trim().min(1).max(120).optional(),
  onSite: z.boolean().default(false),
  /** Extra intake fields the policy asks for (service id, circuit id, IP address, ...). */
  intake: z.record(z.string(), z.string()).default({}),
  eDown: eDownAnswersSchema.optional(),
  sla: slaFactsSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  createdBy: z.string().default(''),
  /** Recorded facts of the policy's internal hand-off process (absent on tickets without one). */
  internalFacts: z.array(internalFactSchema).max(500).optional(),
});
export type Ticket = z.infer<typeof ticketSchema>;
