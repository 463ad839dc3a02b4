import { z } from 'zod';
import { userRoleSchema } from './schema';

/**
 * Shortest password an account may get. Length is what makes a password hard to guess; no
 * composition rules (they make passwords harder to remember, not to guess).
 */
export const MIN_PASSWORD_LENGTH = 10;
/** scrypt works on the UTF-8 bytes; a cap keeps one login from costing the server unbounded work. */
export const MAX_PASSWORD_LENGTH = 256;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `the password must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `the password must have at most ${MAX_PASSWORD_LENGTH} characters`);

const skillsSchema = z.array(z.string().trim().min(1).max(80)).max(50);

/** A person as the People settings list them (no password, ever). */
export const personSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  region: z.string(),
  calendarId: z.string(),
  skills: z.array(z.string()),
  active: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

/** An admin adding someone to their organisation. */
export const newPersonSchema = z.object({
  email: z.string().trim().email('enter a valid e-mail address').max(254),
  name: z.string().trim().min(1, 'enter a name').max(120),
  role: userRoleSchema,
  region: z.string().trim().min(1, 'enter a region').max(80),
  calendarId: z.string().trim().min(1).max(120),
  skills: skillsSchema.default([]),
  password: passwordSchema,
});
export type NewPerson = z.infer<typeof newPersonSchema>;

/** An admin changing someone: only the fields sent change. Deactivation is its own request. */
export const personChangeSchema = z
  .object({
    name: z.string().trim().min(1, 'enter a name').max(120),
    role: userRoleSchema,
    region: z.string().trim().min(1, 'enter a region').max(80),
    calendarId: z.string().trim().min(1).max(120),
    skills: skillsSchema,
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change');
export type PersonChange = z.infer<typeof personChangeSchema>;

export const peopleListSchema = z.object({ people: z.array(personSchema) });
