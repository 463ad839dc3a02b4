import { z } from 'zod';
import type { Policy, IntakeFieldName } from '../policy/schema';
import { initialPriority } from '../policy/priority';
import type { Customer } from '../directory/schema';
import type { Entitlement } from '../contract/entitlement';
import { eDownAtIntakeProblem } from '../contract/e-down-intake';
import type { Product } from '../contract/schema';
import { eDownProblems, type EDownProblem } from '../severity/e-down';
import { impactOverride } from '../severity/impact-severity';
import { eDownAnswersSchema, eDownReasons, impactSchema, intakeChannelSchema, urgencySchema, type EDownAnswers, type Ticket } from './schema';

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
  /** Where and on what the problem is: picked from the customer's sites and installed base. */
  siteId: z.string(),
  assetId: z.string(),
  /** Why the severity differs from the one the impact class gives (policies that tie them). */
  severityOverrideReason: text(2000),
  // The E-Down questionnaire, asked when an engineer sets E-Down on the call (kept as text so a draft keeps it as typed).
  eDownReason: z.union([z.literal(''), z.enum(eDownReasons)]),
  eDownUsersTotal: text(12),
  eDownUsersAffected: text(12),
  eDownSince: text(40),
  eDownActionsTaken: text(5_000),
  eDownTechnicalContact: text(300),
});
export type IntakeForm = z.infer<typeof intakeFormBaseSchema>;

const numberOrUndefined = (v: string): number | undefined => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

/** The E-Down answers the form holds (any may still be missing). */
export function eDownFromIntake(form: IntakeForm): Partial<EDownAnswers> {
  const since = form.eDownSince ? Date.parse(form.eDownSince) : Number.NaN;
  return {
    ...(form.eDownReason ? { reason: form.eDownReason } : {}),
    ...(numberOrUndefined(form.eDownUsersTotal) !== undefined ? { usersTotal: numberOrUndefined(form.eDownUsersTotal) } : {}),
    ...(numberOrUndefined(form.eDownUsersAffected) !== undefined ? { usersAffected: numberOrUndefined(form.eDownUsersAffected) } : {}),
    ...(Number.isNaN(since) ? {} : { downSince: since }),
    ...(form.eDownActionsTaken.trim() ? { actionsTaken: form.eDownActionsTaken.trim() } : {}),
    ...(form.eDownTechnicalContact.trim() ? { technicalContact: form.eDownTechnicalContact.trim() } : {}),
  };
}

/** The form field an E-Down questionnaire problem is about. */
export function eDownProblemField(p: EDownProblem): keyof IntakeForm {
  switch (p.code) {
    case 'reason_missing':
    case 'reason_not_qualifying':
      return 'eDownReason';
    case 'users_total':
      return 'eDownUsersTotal';
    case 'users_affected':
    case 'users_affected_above_total':
      return 'eDownUsersAffected';
    case 'actions_taken':
      return 'eDownActionsTaken';
    case 'down_since':
      return 'eDownSince';
    case 'technical_contact':
      return 'eDownTechnicalContact';
    default:
      return 'severity';
  }
}

/** What the customer, site and contract decide for the form: the terms that apply and the product catalogue. */
export type IntakeTermsContext = {
  entitlement?: Entitlement;
  /** The products intake offers (retired ones left out). */
  products?: readonly Product[];
  /** Whether the organisation has a catalogue at all (default: some product is offered); without one names are typed. */
  hasCatalogue?: boolean;
};

/**
 * The form checked against the customer's policy and terms: its required fields (no contract
 * number from a customer without a valid contract), product line and product from the catalogue,
 * a severity of the policy's scale, E-Down only where the contract and the channel allow it and
 * with its questionnaire answered, and a reason when the severity overrides the impact class.
 */
export function intakeFormSchema(policy: Policy, now: number, terms: IntakeTermsContext = {}) {
  return intakeFormBaseSchema.superRefine((form, ctx) => {
    const issue = (path: keyof IntakeForm, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const nonContract = terms.entitlement?.terms === 'non_contract';
    for (const field of policy.requiredIntakeFields) {
      if (field === 'contractNumber' && nonContract) continue;
      const value = form[field as keyof IntakeForm];
      if (typeof value === 'string' && value.trim() === '') issue(field as keyof IntakeForm, 'required by this customer’s policy');
    }
    const catalogue = terms.products ?? [];
    if ((terms.hasCatalogue ?? catalogue.length > 0) && form.productLine) {
      const line = catalogue.filter((p) => p.productLine === form.productLine);
      if (line.length === 0) issue('productLine', 'choose a product line the catalogue offers (a retired one is no longer offered)');
      else if (form.product && !line.some((p) => p.name === form.product)) issue('product', 'choose a product of this product line');
    }
    const level = policy.severityLevels.find((l) => l.id === form.severity);
    if (!level) issue('severity', `choose one of ${policy.severityLevels.filter((l) => !l.aboveTop).map((l) => l.id).join(', ')}`);
    else if (level.aboveTop) {
      const problem = terms.entitlement ? eDownAtIntakeProblem(terms.entitlement, form.channel) : { code: 'non_contract' as const };
      if (problem) issue('severity', `E-Down cannot be chosen when the case is first logged: ${problem.code}`);
      else for (const p of eDownProblems({ status: 'received' }, eDownFromIntake(form), policy, { atCreation: true, channel: form.channel })) issue(eDownProblemField(p), `E-Down: ${p.code}`);
    }
    if (level && impactOverride(policy, form.severity, form.impact) !== undefined && form.severityOverrideReason.trim() === '') {
      issue('severityOverrideReason', 'say why the severity differs from the impact class');
    }
    if (form.problemStartedAt && Date.parse(form.problemStartedAt) > now + 5 * 60_000) issue('problemStartedAt', 'the problem cannot start in the future');
  });
}

/**
 * The new ticket an intake form describes, with its id minted on this device and its clocks
 * starting now; `contractId` is the contract that governs it (none: non-contract terms).
 */
export function ticketFromIntake(form: IntakeForm, ctx: { id: string; now: number; by: string; policy: Policy; customer: Customer; contractId?: string | undefined }): Ticket {
  const intake: Partial<Record<ExtraField, string>> = {};
  for (const f of extraIntakeFields) if (form[f]) intake[f] = form[f];
  const isEDown = ctx.policy.severityLevels.find((l) => l.id === form.severity)?.aboveTop === true;
  const answers = isEDown ? eDownAnswersSchema.safeParse(eDownFromIntake(form)) : undefined;
  const eDown = answers?.success ? answers.data : undefined;
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
    ...(form.siteId ? { siteId: form.siteId } : {}),
    ...(form.assetId ? { assetId: form.assetId } : {}),
    ...(ctx.contractId ? { contractId: ctx.contractId } : {}),
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
    ...(eDown ? { eDown } : {}),
    sla: { severityHistory: [{ at: ctx.now, severity: form.severity }], pauses: [], customerUpdates: [] },
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.by,
  };
}
