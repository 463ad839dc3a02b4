import { z } from 'zod';
import { watchEntrySchema, clockKindSchema } from '../sla/watch';
import { alertLanguages, languageTagPattern } from '../alerts/alert-language';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../attachments/limits';
import { attachmentOpenRefusals } from '../attachments/open-policy';

const empty = z.object({}).strict();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

export const notificationSettingsSchema = z.object({
  /** Local wall-clock window in which no toast is shown (alerts are still recorded). */
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
  /** Severities the user wants toasts for; empty = all. */
  severities: z.array(z.string()),
  mutedTickets: z.array(z.string()),
  /** "Pause notifications" from the tray. */
  paused: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const firedAlertSchema = z.object({
  ticketId: z.string(),
  clock: clockKindSchema,
  threshold: z.number().int(),
  at: z.number().int(),
  firedAt: z.number().int(),
  /** false when quiet hours, a mute or a pause kept the toast back (the alert is still recorded). */
  notified: z.boolean(),
});
export type FiredAlert = z.infer<typeof firedAlertSchema>;

/** A UI language tag such as "bg" or "zh-CN"; tags without a catalog fall back to English, malformed ones are refused. */
const languageTag = z.string().max(35, 'language must be a tag such as "en", "bg" or "zh-CN"').regex(languageTagPattern, 'language must be a tag such as "en", "bg" or "zh-CN"');

/** What opening an attachment did: the OS opened it (desktop), it was downloaded (web), or it was refused as something that could run. */
export const attachmentOpenResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('opened') }),
  z.object({ outcome: z.literal('downloaded') }),
  z.object({ outcome: z.literal('refused'), reason: z.enum(attachmentOpenRefusals) }),
]);
export type AttachmentOpenResult = z.infer<typeof attachmentOpenResultSchema>;

const fileName = z.string().regex(/^[\w.\- ]{1,120}$/, 'file name may contain letters, digits, space, dot, dash and underscore only');

/**
 * Every call the renderer may make to its host: name -> zod input and output. Main validates
 * each payload against it, the preload exposes exactly these, the web host implements the same.
 */
export const ipcCalls = {
  'app.info': { input: empty, output: z.object({ version: z.string(), platform: z.string(), host: z.enum(['electron', 'web']), /** The catalog language of notifications and tray. */ language: z.enum(alertLanguages) }) },
  /** The UI language, sent at start and on every change: the host writes notifications and tray texts in it. Answers the catalog language used. */
  'app.setLanguage': { input: z.object({ language: languageTag }), output: z.object({ language: z.enum(alertLanguages) }) },
  'sla.setWatchList': { input: z.object({ entries: z.array(watchEntrySchema).max(200_000) }), output: z.object({ armed: z.number().int(), nextAt: z.number().int().nullable() }) },
  'notifications.getSettings': { input: empty, output: notificationSettingsSchema },
  'notifications.setSettings': { input: notificationSettingsSchema, output: notificationSettingsSchema },
  'tray.setCounts': { input: z.object({ breached: z.number().int().nonnegative(), atRisk: z.number().int().nonnegative() }), output: empty },
  'draft.openEml': { input: z.object({ fileName, eml: z.string().max(5_000_000) }), output: z.object({ path: z.string().nullable() }) },
  'calendar.openIcs': { input: z.object({ fileName, ics: z.string().max(5_000_000) }), output: z.object({ path: z.string().nullable() }) },
  'external.open': { input: z.object({ url: z.string().max(100_000) }), output: empty },
  /** Hands an attachment's bytes to the OS's default application (desktop) or saves them (web); programs, scripts and pages are refused. */
  'attachment.open': {
    input: z.object({ name: z.string().min(1).max(1000), bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= DEFAULT_MAX_ATTACHMENT_BYTES, 'the file is larger than an attachment may be') }).strict(),
    output: attachmentOpenResultSchema,
  },
  'clipboard.writeText': { input: z.object({ text: z.string().max(5_000_000) }), output: empty },
  'secrets.setToken': { input: z.object({ serverUrl: z.string().url(), token: z.string().nullable() }), output: empty },
  'secrets.getToken': { input: z.object({ serverUrl: z.string().url() }), output: z.object({ token: z.string().nullable() }) },
} as const;

/** Events the host pushes to the renderer. */
export const ipcEvents = {
  'sla.alerts': z.object({ alerts: z.array(firedAlertSchema) }),
  'ticket.open': z.object({ ticketId: z.string().min(1) }),
  'sync.requested': empty,
} as const;

export type IpcCall = keyof typeof ipcCalls;
export type IpcEvent = keyof typeof ipcEvents;
export type IpcInput<C extends IpcCall> = z.infer<(typeof ipcCalls)[C]['input']>;
export type IpcOutput<C extends IpcCall> = z.infer<(typeof ipcCalls)[C]['output']>;
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]>;

export type IpcError = { code: 'invalid_input' | 'forbidden' | 'failed' | 'unknown_call'; message: string };
/** Every answer crosses the boundary as an envelope, never as a thrown error. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export const ipcCallNames = Object.keys(ipcCalls) as IpcCall[];
export const ipcEventNames = Object.keys(ipcEvents) as IpcEvent[];

/** Parses an untrusted payload for a call; the message names the failing field. */
export function parseIpcInput<C extends IpcCall>(call: C, payload: unknown): IpcResult<IpcInput<C>> {
  const r = ipcCalls[call].input.safeParse(payload);
  if (r.success) return { ok: true, data: r.data as IpcInput<C> };
  return { ok: false, error: { code: 'invalid_input', message: describeZodError(r.error) } };
}

/** A one-line, user-readable account of what failed validation. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'value'}: ${i.message}`).join('; ');
}
