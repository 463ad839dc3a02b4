import { z } from 'zod';

/** The forms whose unsaved text is kept on the device until it is saved or discarded. */
export const draftKinds = ['intake', 'note', 'customerUpdate', 'visitReport', 'visitNote', 'escalation'] as const;
export type DraftKind = (typeof draftKinds)[number];

/** What a form shows: text fields, selects (as their value) and ticks. */
export const draftValuesSchema = z.record(z.string().max(100), z.union([z.string().max(200_000), z.boolean()]));
export type DraftValues = z.infer<typeof draftValuesSchema>;

/**
 * Unsaved work of one form, kept in the device's store only (never synced): `key` names the form
 * and what it is about (`note:SD-1`), `createsId` is the id the form will create when saved, minted
 * when the draft starts, so that saving the same draft twice can find what the first save made.
 */
export const draftSchema = z.object({
  key: z.string().min(1).max(200),
  kind: z.enum(draftKinds),
  values: draftValuesSchema,
  savedAt: z.number().int().nonnegative(),
  createsId: z.string().min(1).max(100).optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/** The key of a form's draft: one per kind and subject (ticket or visit id), one new-ticket form. */
export function draftKey(kind: DraftKind, subjectId?: string): string {
  return subjectId === undefined ? kind : `${kind}:${subjectId}`;
}

/**
 * True when the values say nothing beyond the form's empty state: such a form has no draft to
 * keep (opening a form and leaving it must not leave a "restored" notice behind).
 */
export function isBlankDraft(values: DraftValues, empty: DraftValues): boolean {
  return Object.entries(values).every(([k, v]) => (typeof v === 'string' ? v.trim() === '' || v === empty[k] : v === (empty[k] ?? false)));
}

/**
 * The stored values laid over the form's empty values, keeping only fields the form has and of the
 * same type: a draft from an older version of a form never puts a wrong type into a field.
 */
export function restoreDraftValues<V extends DraftValues>(empty: V, stored: DraftValues | undefined): V {
  if (!stored) return empty;
  const out: DraftValues = { ...empty };
  for (const [k, v] of Object.entries(stored)) if (k in empty && typeof v === typeof empty[k]) out[k] = v;
  return out as V;
}

/**
 * What is left in a composer after `submitted` was saved while the user kept typing: the composer
 * was emptied at submit, so `current` holds only what was typed since; if saving failed the
 * submitted text goes back in front of it, nothing typed is dropped.
 */
export function composerAfterFailedSave(submitted: string, current: string): string {
  if (current === '') return submitted;
  return `${submitted}${/\s$/.test(submitted) || /^\s/.test(current) ? '' : '\n'}${current}`;
}
