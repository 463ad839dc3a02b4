import { z } from 'zod';
import { isValidEmailAddress } from '../mail/address';
import { isValidMailDomain, normalizeMailDomainEntry } from '../mail/email-domains';

export const contractTiers = ['7x24_hotline', 'business_hours', 'non_contract'] as const;

export const customerSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1),
  region: z.string().min(1),
  /** The contract decides coverage, default priority and which policy applies. */
  contractNumber: z.string().default(''),
  contractTier: z.enum(contractTiers),
  policyId: z.string().min(1),
  calendarId: z.string().min(1),
  language: z.string().default('en'),
  site: z.object({ address: z.string().default(''), timeZone: z.string().default('UTC') }).default({ address: '', timeZone: 'UTC' }),
  /** Addresses (`ops@acme.example.com`) or domains (`acme.example.com`) the customer's mail comes from: a support mailbox files their mail under them. */
  emailDomains: z
    .array(z.string().trim().toLowerCase().min(3).max(254).refine((e) => (e.includes('@') && !e.startsWith('@') ? isValidEmailAddress(e) : isValidMailDomain(normalizeMailDomainEntry(e))), 'must be a domain such as acme.example.com or an address such as ops@acme.example.com'))
    .max(100)
    .optional(),
  /** The customer's usual contact, pre-filled at intake (rows saved before contacts existed load with none). */
  contactName: z.string().optional(),
  contactEmail: z.string().optional(),
  contactPhone: z.string().optional(),
});
export type Customer = z.infer<typeof customerSchema>;

export const userRoles = ['agent', 'dispatcher', 'field_engineer', 'admin'] as const;
export const userRoleSchema = z.enum(userRoles);
export type UserRole = z.infer<typeof userRoleSchema>;

export const engineerSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1),
  email: z.string().email(),
  role: userRoleSchema,
  region: z.string().min(1),
  /** Product lines the engineer is trained on (dispatch checks skills). */
  skills: z.array(z.string()).default([]),
  calendarId: z.string().min(1),
  managerId: z.string().optional(),
});
export type Engineer = z.infer<typeof engineerSchema>;
