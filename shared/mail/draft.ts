import { z } from 'zod';
import { isValidEmailAddress } from './address';

/** A mail the user sends from their own client: we only prepare it, never send it. */
export type MailDraft = { to: string[]; cc?: string[]; subject: string; body: string; date?: Date };

const addressSchema = z
  .string()
  .trim()
  .refine(isValidEmailAddress, { error: (issue) => `not an e-mail address: ${JSON.stringify(issue.input)}` });

/** Validates a draft (e.g. from a form or IPC) with the same address rule renderEml enforces. */
export const mailDraftSchema = z.object({
  to: z.array(addressSchema),
  cc: z.array(addressSchema).optional(),
  subject: z.string(),
  body: z.string(),
  date: z.date().optional(),
});

// Compile-time proof that the schema and the public contract type agree in both directions.
type Parsed = z.infer<typeof mailDraftSchema>;
const _draftTypesAgree: [Parsed, MailDraft] extends [MailDraft, Parsed] ? true : never = true;
