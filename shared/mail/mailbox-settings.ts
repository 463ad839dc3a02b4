import { z } from 'zod';
import { impactSchema, urgencySchema } from '../ticket/schema';
import { isValidEmailAddress } from './address';

// A support mailbox as an admin configures it in Settings › Mail. Passwords travel only from the
// form to the server (write-only): the server never sends them back, and stores them encrypted.

const host = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/, 'a host name such as mail.example.com');
const port = z.number().int().min(1).max(65535);
export const mailSecurity = ['tls', 'starttls', 'none'] as const;

export const mailboxSettingsSchema = z.object({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean().default(true),
  imap: z.object({
    host,
    port: port.default(993),
    security: z.enum(mailSecurity).default('tls'),
    folder: z.string().trim().min(1).max(200).default('INBOX'),
    user: z.string().trim().min(1).max(254),
  }),
  smtp: z.object({
    host,
    port: port.default(465),
    security: z.enum(mailSecurity).default('tls'),
    user: z.string().trim().max(254).default(''),
    from: z.string().trim().toLowerCase().refine(isValidEmailAddress, 'the sender address, such as support@example.com'),
  }),
  /** What a ticket opened from mail starts with (an agent corrects it after reading). */
  defaults: z.object({
    policyId: z.string().trim().min(1),
    region: z.string().trim().min(1),
    productLine: z.string().trim().min(1),
    product: z.string().trim().min(1),
    severity: z.string().trim().min(1),
    impact: impactSchema.default('non_service_affecting'),
    urgency: urgencySchema.default('medium'),
  }),
});
export type MailboxSettings = z.infer<typeof mailboxSettingsSchema>;

/** What the form sends: settings plus passwords; an empty password on an existing mailbox keeps the stored one. */
export const mailboxSaveSchema = z.object({
  settings: mailboxSettingsSchema,
  imapPassword: z.string().max(1000).default(''),
  smtpPassword: z.string().max(1000).default(''),
});
export type MailboxSave = z.infer<typeof mailboxSaveSchema>;

/** What the server shows of a mailbox: never a password, only whether one is stored. */
export const mailboxViewSchema = z.object({
  settings: mailboxSettingsSchema,
  hasImapPassword: z.boolean(),
  hasSmtpPassword: z.boolean(),
  lastPollAt: z.number().nullable(),
  lastError: z.string(),
});
export type MailboxView = z.infer<typeof mailboxViewSchema>;
