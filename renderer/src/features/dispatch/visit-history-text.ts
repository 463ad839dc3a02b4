// Visit history lines and ticket timeline entries about visits store machine facts (engineer ids,
// UTC instants) so every device can re-render them; people read names and local times.
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z/g;
const WORD = /[A-Za-z0-9][A-Za-z0-9_.-]*/g;

import { visitReasons } from '../../../../shared/dispatch';

const reasons = new Set<string>(visitReasons);

/** A visit entry as a person reads it: the step in words, then a reason in words or the detail with names and local times. */
export function visitEntryText(change: string, detail: string, t: (key: string, o?: Record<string, unknown>) => string, names: ReadonlyMap<string, string>, format: (instant: number) => string): string {
  const step = t(`dispatch.action.${change.startsWith('parts_') ? 'parts' : change}`, { defaultValue: change });
  const words = change === 'confirm_booking' ? '' : reasons.has(detail) ? t(`dispatch.reason.${detail}`) : readableVisitDetail(detail, names, format);
  return words ? `${step} — ${words}` : step;
}

/** `detail` with every ISO instant in `format` (the screen's zone) and every known person id as the person's name. */
export function readableVisitDetail(detail: string, names: ReadonlyMap<string, string>, format: (instant: number) => string): string {
  const timed = detail.replace(ISO_INSTANT, (m) => {
    const t = Date.parse(m);
    return Number.isNaN(t) ? m : format(t);
  });
  return timed.replace(WORD, (w) => names.get(w) ?? w);
}

/** Who did it, as a person reads it: the name, "System" for the app's own changes, else the id as stored. */
export function actorName(by: string, names: ReadonlyMap<string, string>, systemLabel: string): string {
  return by === 'system' ? systemLabel : (names.get(by) ?? by);
}
