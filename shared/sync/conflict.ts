import { z } from 'zod';
import type { FieldVersions } from './protocol';

/**
 * A conflict the people involved must see: a refused write (status `open`, to resolve) or a
 * rule that decided for them (status `info`, e.g. the higher severity won).
 */
export const conflictRecordSchema = z.object({
  id: z.string().min(1),
  ticketId: z.string(),
  mutation: z.string(),
  field: z.string(),
  base: z.string(),
  mine: z.string(),
  theirs: z.string(),
  /** Who made the refused or overridden change. */
  userId: z.string(),
  clientId: z.string(),
  mutationId: z.number().int(),
  reason: z.string(),
  status: z.enum(['open', 'info', 'resolved']),
  resolution: z.string().optional(),
  createdAt: z.number().int().nonnegative(),
  /**
   * When a domain command refused the change: its code and parameters, so every device can show
   * the reason in its user's language (`reason` stays the English text). The code is a plain
   * string so a device that does not know a newer code still reads the record and shows `reason`.
   */
  refusal: z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).optional(),
});
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;

/** Why a conflict arose, as a code devices translate (`refusal.<code>`), with its English text and parameters. */
export type ConflictReason = { code: string; message: string; params: Record<string, string | number> };

/** A reason with a code; `message` is what a device that does not know the code shows. */
export function because(code: string, message: string, params: Record<string, string | number> = {}): ConflictReason {
  return { code, message, params };
}

/**
 * Deterministic id so a replayed mutation yields the same record on every device. Takes only the
 * two facts it needs (not the mutation context), so conflicts stay a leaf the mutation types use.
 */
export function conflictId(ctx: { clientId: string; mutationId: number }, field: string): string {
  return `${ctx.clientId}:${ctx.mutationId}:${field}`;
}

/**
 * True when someone else wrote `field` after the version this client based its change on.
 * The client's own earlier writes never count, so a chain of offline edits does not conflict with itself.
 */
export function changedSince(fv: FieldVersions, base: Record<string, number> | undefined, field: string, clientId: string): boolean {
  const current = fv[field];
  if (!current) return false;
  if (current.c === clientId) return false;
  return current.v > (base?.[field] ?? 0);
}

/** Higher number = more severe. E-Down sits above every numeric level; level 1 above level 4. */
export function severityRank(severity: string): number {
  const s = severity.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (s === 'edown') return 1000;
  const m = /(\d+)/.exec(s);
  if (!m?.[1]) return 0;
  return 100 - Number(m[1]);
}

/** Renders a value for base/mine/theirs display. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
