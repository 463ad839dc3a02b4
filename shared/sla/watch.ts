import { z } from 'zod';

export const clockKinds = ['first_response', 'update_cadence', 'online_resolution', 'on_site_arrival', 'resolution', 'rfo'] as const;
export const clockKindSchema = z.enum(clockKinds);
export type ClockKind = z.infer<typeof clockKindSchema>;

/**
 * One instant the desktop timer service must alert at: a warning threshold (a percentage of the
 * clock's target, e.g. 75) or the breach itself (threshold 100).
 */
export const watchEntrySchema = z.object({
  ticketId: z.string().min(1),
  clock: clockKindSchema,
  threshold: z.number().int().min(1).max(100),
  at: z.number().int().nonnegative(),
  /** What the notification shows; the main process has no store to look it up in. */
  label: z.object({ customer: z.string(), severity: z.string(), title: z.string() }),
});
export type WatchEntry = z.infer<typeof watchEntrySchema>;

/** The key that makes an alert fire exactly once. */
export function watchEntryKey(e: Pick<WatchEntry, 'ticketId' | 'clock' | 'threshold' | 'at'>): string {
  return `${e.ticketId}|${e.clock}|${e.threshold}|${e.at}`;
}
