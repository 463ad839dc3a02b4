// What one customer bought, as data: the product catalogue, the customer's sites, the installed
// base (assets) and the contracts that decide each ticket's terms. One zod schema per concept; the
// same schema checks a form, an import, a synced row and a preset.
import { z } from 'zod';
import { contractTiers } from '../directory/schema';
import { levelTargetsSchema } from '../policy/schema';
import { isValidTimeZone, parseIsoDate } from '../sla/calendar-validate';
import { intakeChannelSchema } from '../ticket/schema';

const idSchema = z.string().trim().min(1, 'required').max(100);
const isoDate = z.string().refine((v) => parseIsoDate(v) !== undefined, 'not a "YYYY-MM-DD" date');
const timeZoneSchema = z.string().refine((v) => isValidTimeZone(v), 'not a time zone (expected an IANA name such as "America/Chicago")');

/** One product of the catalogue; tickets name products from here, never free text. */
export const productSchema = z
  .object({
    id: idSchema,
    /** The product line (routing key of escalations and reports), e.g. "edge-routers". */
    productLine: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'product line must be kebab-case (a-z, 0-9, "-")'),
    productLineName: z.string().trim().min(1, 'required').max(200),
    name: z.string().trim().min(1, 'required').max(200),
    /** Released versions, newest last; an asset's version should be one of them. */
    versions: z.array(z.string().trim().min(1)).default([]),
    /** No longer offered at intake; tickets, assets and reports that name it keep it. */
    retired: z.boolean().default(false),
  })
  .strict();
export type Product = z.infer<typeof productSchema>;

/** A place of the customer: where engineers go and whose local time the customer's hours are read in. */
export const siteSchema = z
  .object({
    id: idSchema,
    customerId: idSchema,
    name: z.string().trim().min(1, 'required').max(200),
    address: z.string().trim().max(500).default(''),
    region: z.string().trim().min(1, 'required'),
    timeZone: timeZoneSchema,
    /** The site's own business calendar (its hours and public holidays); absent: the policy's. */
    calendarId: z.string().min(1).optional(),
    travelNotes: z.string().max(2000).default(''),
  })
  .strict();
export type Site = z.infer<typeof siteSchema>;

/** One installed product at a site: what a ticket is about. */
export const assetSchema = z
  .object({
    id: idSchema,
    customerId: idSchema,
    siteId: idSchema,
    productId: idSchema,
    version: z.string().trim().max(100).default(''),
    serial: z.string().trim().max(100).default(''),
  })
  .strict();
export type Asset = z.infer<typeof assetSchema>;

/**
 * How the contract changes the policy for some channels and severities. `replace` puts the
 * contract's targets in place of the policy's; `earliest` adds a second promise and the earlier
 * deadline of the two counts (a hotline's "4 hours around the clock" on top of "2 working hours").
 */
export const coverageRuleSchema = z
  .object({
    /** Channels this rule covers; empty: every channel. */
    channels: z.array(intakeChannelSchema).default([]),
    /** Severity level ids this rule covers; empty: every level. */
    severities: z.array(z.string().min(1)).default([]),
    /** Which hours count for these clocks; absent: the site's calendar, else the policy's. */
    calendarId: z.string().min(1).optional(),
    /** Read the calendar in the site's zone (the default) or in the calendar's own zone. */
    zone: z.enum(['site', 'calendar']).default('site'),
    targets: levelTargetsSchema.default({}),
    combine: z.enum(['replace', 'earliest']).default('replace'),
  })
  .strict();
export type CoverageRule = z.infer<typeof coverageRuleSchema>;

/** Periodic inspections the contract includes: one visit every `everyMonths` from `firstDate`. */
export const inspectionPlanSchema = z
  .object({
    everyMonths: z.number().int().min(1).max(24),
    firstDate: isoDate,
    /** Local start time at the site. */
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected "HH:MM"').default('09:00'),
    durationMinutes: z.number().int().min(15).max(24 * 60).default(240),
  })
  .strict();
export type InspectionPlan = z.infer<typeof inspectionPlanSchema>;

export const contractSchema = z
  .object({
    id: idSchema,
    /** The number the customer quotes; intake copies it onto the ticket. */
    number: z.string().trim().min(1, 'required').max(100),
    customerId: idSchema,
    policyId: idSchema,
    tier: z.enum(contractTiers),
    validFrom: isoDate,
    validTo: isoDate,
    /** Sites and assets covered; empty: all of the customer's. */
    siteIds: z.array(z.string().min(1)).default([]),
    assetIds: z.array(z.string().min(1)).default([]),
    coverage: z.array(coverageRuleSchema).default([]),
    /** The language the customer is written to (a provider may fix English). */
    language: z.enum(['en', 'zh-CN', 'zh-TW', 'bg']).default('en'),
    /** The escalation matrix handed over at service activation; absent: the policy's. */
    escalationMatrixId: z.string().min(1).optional(),
    eDownEligible: z.boolean().default(false),
    rfoEligible: z.boolean().default(true),
    onSite: z.object({ included: z.boolean() }).strict().default({ included: true }),
    inspectionPlan: inspectionPlanSchema.optional(),
    /** Values chosen for the example, not taken from a vendor's text. */
    illustrative: z.boolean().default(false),
    note: z.string().max(2000).default(''),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.validTo < c.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'the contract ends before it starts' });
  });
export type Contract = z.infer<typeof contractSchema>;
export type ContractInput = z.input<typeof contractSchema>;
