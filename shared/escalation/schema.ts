import { z } from 'zod';
import { isValidEmailAddress } from '../mail/address';
import { clockKindSchema } from '../sla/watch';
import { escalationTemplateSetSchema } from './template-schema';

/** The same rule renderEml enforces, so a saved matrix can always be turned into a draft. */
export const emailSchema = z
  .string()
  .trim()
  .refine(isValidEmailAddress, { error: (issue) => `not an e-mail address: ${JSON.stringify(issue.input)}` });

/** A label per language; English is required as the fallback. */
export const localizedTextSchema = z
  .object({ en: z.string().trim().min(1), 'zh-CN': z.string().trim().min(1).optional(), 'zh-TW': z.string().trim().min(1).optional(), bg: z.string().trim().min(1).optional() })
  .strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const escalationContactSchema = z.object({ name: z.string().trim().min(1), email: emailSchema.optional() }).strict();
export type EscalationContact = z.infer<typeof escalationContactSchema>;

/** One row of a routing table: the keys it serves (product lines, regions or areas), its people and mailbox. */
export const routingRowSchema = z
  .object({
    keys: z.array(z.string().trim().min(1)).min(1),
    label: z.string().trim().min(1).optional(),
    contacts: z.array(escalationContactSchema).default([]),
    mailbox: emailSchema.optional(),
  })
  .strict()
  .refine((r) => r.mailbox !== undefined || r.contacts.some((c) => c.email !== undefined), { message: 'a row needs a mailbox or a contact with an e-mail address' });
export type RoutingRow = z.infer<typeof routingRowSchema>;

export const autoTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clock_breached'), clock: clockKindSchema }).strict(),
  /**
   * The ticket has been at this severity for `minutes` (wall-clock), counted from when that
   * severity took effect, not from creation (see severityEffectiveSince).
   */
  z.object({ kind: z.literal('age'), severity: z.string().min(1), minutes: z.number().int().positive() }).strict(),
]);
export type AutoTrigger = z.infer<typeof autoTriggerSchema>;

export const autoRuleSchema = z
  .object({
    trigger: autoTriggerSchema,
    /** A priority id of the ticket's policy, or "top" (its highest) / "next" (one step up), so one matrix fits every priority scale. */
    raisePriorityTo: z.string().min(1).optional(),
    notify: z.boolean().default(true),
    /** The number is an example, not one a contract or policy text gives: the settings screen says so. */
    illustrative: z.boolean().optional(),
  })
  .strict();
export type AutoRule = z.infer<typeof autoRuleSchema>;

const levelBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, "-" and "_"'),
  name: localizedTextSchema,
  /** Rules that move the ticket to this level by themselves. */
  auto: z.array(autoRuleSchema).default([]),
  /** Always copied, whatever the routing finds. */
  cc: z.array(emailSchema).default([]),
  /**
   * The people and addresses this level reaches are examples, not ones a contract or policy text
   * gives (a vendor's real contacts are never shipped): the settings screen asks the admin to set their own.
   */
  illustrative: z.boolean().optional(),
};

export const escalationLevelSchema = z.discriminatedUnion('kind', [
  /** The customer's own step (the first step of a matrix): a portal comment asking to escalate; nobody is mailed. */
  z.object({ ...levelBase, kind: z.literal('customer_comment'), instructions: localizedTextSchema.optional() }).strict(),
  /**
   * Fixed people: `ownerManager` 'direct' is M1 (the owner's manager), 'second_level'
   * is M2 (that manager's manager), both looked up in the engineer directory; plus fixed contacts.
   */
  z
    .object({
      ...levelBase,
      kind: z.literal('fixed'),
      ownerManager: z.enum(['direct', 'second_level']).optional(),
      contacts: z.array(escalationContactSchema).default([]),
      mailbox: emailSchema.optional(),
    })
    .strict(),
  z.object({ ...levelBase, kind: z.literal('by_product_line'), rows: z.array(routingRowSchema).min(1) }).strict(),
  z.object({ ...levelBase, kind: z.literal('by_region'), rows: z.array(routingRowSchema).min(1) }).strict(),
  z
    .object({
      ...levelBase,
      kind: z.literal('by_area'),
      rows: z.array(routingRowSchema).min(1),
      /** The ticket's area comes from its product line; `defaultArea` covers product lines not listed. */
      areaByProductLine: z.record(z.string(), z.string().min(1)).default({}),
      defaultArea: z.string().min(1).optional(),
    })
    .strict(),
]);
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;
export type EscalationLevelKind = EscalationLevel['kind'];

/** Routing keys compare loosely: case, spaces, '-' and '_' do not matter ("North America" = "north_america"). */
export function normalizeRoutingKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

export const escalationMatrixSchema = z
  .object({
    id: z.string().min(1),
    policyId: z.string().min(1),
    name: z.string().trim().min(1),
    /** Ordered: level 1 is the first entry; a ticket's escalationLevel 0 means not escalated. */
    levels: z.array(escalationLevelSchema).min(1),
    /** Per-policy overrides of the default draft templates. */
    templates: escalationTemplateSetSchema.default({}),
  })
  .strict()
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const ids = new Set<string>();
    m.levels.forEach((level, i) => {
      if (ids.has(level.id)) issue(['levels', i, 'id'], `duplicate level id "${level.id}"`);
      ids.add(level.id);
      if (level.kind === 'customer_comment' && level.auto.length > 0) issue(['levels', i, 'auto'], `level "${level.id}" is the customer's own step and cannot escalate automatically`);
      if (level.kind === 'fixed' && !level.ownerManager && !level.mailbox && !level.contacts.some((c) => c.email)) {
        issue(['levels', i], `level "${level.id}" reaches nobody: set ownerManager, a mailbox or a contact e-mail`);
      }
      if (level.kind === 'by_product_line' || level.kind === 'by_region' || level.kind === 'by_area') {
        const seen = new Map<string, number>();
        level.rows.forEach((row, r) => {
          for (const key of row.keys) {
            const k = normalizeRoutingKey(key);
            const first = seen.get(k);
            if (first !== undefined) issue(['levels', i, 'rows', r, 'keys'], `key "${key}" is already routed by row ${first + 1}`);
            else seen.set(k, r);
          }
        });
        if (level.kind === 'by_area') {
          const areas = [...Object.values(level.areaByProductLine), ...(level.defaultArea ? [level.defaultArea] : [])];
          for (const area of areas) {
            if (!seen.has(normalizeRoutingKey(area))) issue(['levels', i, 'areaByProductLine'], `area "${area}" has no row`);
          }
        }
      }
    });
  });
export type EscalationMatrix = z.infer<typeof escalationMatrixSchema>;
export type EscalationMatrixInput = z.input<typeof escalationMatrixSchema>;

/** A clock as the escalation rules need it; structurally compatible with shared/sla computeClocks output. */
export type ClockStateLike = {
  kind: z.infer<typeof clockKindSchema>;
  state: 'pending' | 'running' | 'paused' | 'met' | 'breached';
  /** The instant (epoch ms) the clock is due. */
  target?: number;
};
