import { z } from 'zod';
import type { Policy, IntakeFieldName } from '../policy/schema';
import { initialPriority } from '../policy/priority';
import type { Customer } from '../directory/schema';
import { impactSchema, intakeChannelSchema, urgencySchema, type Ticket } from './schema';

/** Intake fields stored in `ticket.intake` (the ones without a column of their own). */
export const extraIntakeFields = [
  'company',
  'contractNumber',
  'productSerial',
  'patchLevel',
  'operatingSystem',
  'configuration',
  'database',
  'serviceId',
  'problemStartedAt',
  'circuitId',
  'intermittent',
  'logs',
  'ipAddress',
] as const satisfies readonly IntakeFieldName[];
type ExtraField = (typeof extraIntakeFields)[number];

const text = (max: number) => z.string().trim().max(max);
const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const ipv6 = /^[0-9a-f:]+$/i;

/** Every field of the new-ticket form; which are required comes from the customer's policy. */
export const intakeFormBaseSchema = z.object({
  customerId: z.string().min(1, 'choose the customer'),
  channel: intakeChannelSchema,
  title: text(300).min(1, 'give the ticket a short title'),
  description: text(20_000),
  contactName: text(200),
  contactEmail: text(254).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'not an e-mail address'),
  contactPhone: text(50).refine((v) => v === '' || /^[+()\d\s./-]{5,}$/.test(v), 'not a phone number'),
  productLine: z.string().min(1, 'choose the product line'),
  product: text(200).min(1, 'name the product'),
  productVersion: text(100),
  severity: z.string().min(1, 'choose a severity'),
  impact: impactSchema,
  urgency: urgencySchema,
  company: text(200),
  contractNumber: text(100),
  productSerial: text(100),
  patchLevel: text(100),
  operatingSystem: text(200),
  configuration: text(5_000),
  database: text(200),
  serviceId: text(100),
  problemStartedAt: text(40).refine((v) => v === '' || !Number.isNaN(Date.parse(v)), 'not a date and time'),
  circuitId: text(100),
  intermittent: z.enum(['', 'intermittent', 'permanent']),
  logs: text(50_000),
  ipAddress: text(100).refine((v) => v === '' || ipv4.test(v) || (v.includes(':') && ipv6.test(v)), 'not an IP address'),
});
export type IntakeForm = z.infer<typeof intakeFormBaseSchema>;

/**
 * The form checked against the customer's policy: its required fields, and a severity from its
 * normal scale (E-Down is never chosen at creation; it is raised afterwards with its questionnaire).
 */
export function intakeFormSchema(policy: Policy, now: number) {
  return intakeFormBaseSchema.superRefine((form, ctx) => {
    for (const field of policy.requiredIntakeFields) {
      const value = form[field as keyof IntakeForm];
      if (typeof value === 'string' && value.trim() === '') ctx.addIssue({ code: 'custom', path: [field], message: 'required by this customer’s policy' });
    }
    const level = policy.severityLevels.find((l) => l.id === form.severity);
    if (!level) ctx.addIssue({ code: 'custom', path: ['severity'], message: `choose one of ${policy.severityLevels.filter((l) => !l.aboveTop).map((l) => l.id).join(', ')}` });
    else if (level.aboveTop) ctx.addIssue({ code: 'custom', path: ['severity'], message: 'E-Down cannot be chosen when the case is first logged; raise it afterwards' });
    if (form.problemStartedAt && Date.parse(form.problemStartedAt) > now + 5 * 60_000) ctx.addIssue({ code: 'custom', path: ['problemStartedAt'], message: 'the problem cannot start in the future' });
  });
}

/** The new ticket an intake form describes, with its id minted on this device and its clocks starting now. */
export function ticketFromIntake(form: IntakeForm, ctx: { id: string; now: number; by: string; policy: Policy; customer: Customer }): Ticket {
  const intake: Partial<Record<ExtraField, string>> = {};
  for (const f of extraIntakeFields) if (form[f]) intake[f] = form[f];
  return {
    id: ctx.id,
    title: form.title,
    description: form.description,
    channel: form.channel,
    customerId: ctx.customer.id,
    contactName: form.contactName,
    contactEmail: form.contactEmail,
    contactPhone: form.contactPhone,
    productLine: form.productLine,
    product: form.product,
    productVersion: form.productVersion,
    region: ctx.customer.region,
    policyId: ctx.policy.id,
    severity: form.severity,
    impact: form.impact,
    urgency: form.urgency,
    priority: initialPriority(ctx.policy, form.impact, form.urgency, ctx.customer.contractTier),
    status: 'received',
    ownerId: ctx.by,
    escalationLevel: 0,
    onSite: false,
    intake,
    sla: { severityHistory: [{ at: ctx.now, severity: form.severity }], pauses: [], customerUpdates: [] },
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.by,
  };
}
