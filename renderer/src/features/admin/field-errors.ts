import type { z } from 'zod';

/** A validation problem at a dotted path ("calendar.week.mon", "severityLevels.0.id"). */
export type FieldIssue = { path: string; message: string };

/** Flattens zod issues to dotted paths, the way forms and the import report name fields. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Messages at a path or below it (a day's row shows the problems of each of its ranges). */
export function messagesAt(issues: readonly FieldIssue[], path: string): string[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
}

/** Every `message` in a react-hook-form error tree, with its dotted path. */
export function flattenFormErrors(errors: unknown, prefix = ''): FieldIssue[] {
  if (typeof errors !== 'object' || errors === null) return [];
  const out: FieldIssue[] = [];
  const rec = errors as Record<string, unknown>;
  if (typeof rec.message === 'string' && rec.message) out.push({ path: prefix.replace(/\.root$/, ''), message: rec.message });
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'ref' || k === 'message' || k === 'type' || k === 'types') continue;
    out.push(...flattenFormErrors(v, prefix ? `${prefix}.${k}` : k));
  }
  return out;
}
