import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatRange } from '../../../../shared/dispatch/format-time';
import type { Visit } from '../../../../shared/dispatch/visit-schema';
import { conflictVisitId, visitConflictSides, type ConflictRecord } from '../../../../shared/sync';
import { useServices } from '../../app/services';

type Choice = 'mine' | 'theirs';

/**
 * The two decisions a dispatcher has on a visit conflict, each said as what it will do to the visit
 * ("Keep with Finn", "Cancel the visit anyway"), with names and times in the visit's zone instead
 * of the record's ids and JSON. Undefined when the conflict is not about a visit.
 */
export function VisitConflictChoices({ conflict, names, onChoose }: { conflict: ConflictRecord; names: ReadonlyMap<string, string>; onChoose: (choice: Choice) => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const visitId = conflictVisitId(conflict.field) ?? '';
  const visit = useLiveQuery(() => db.visits.get(visitId), [db, visitId]) as Visit | undefined;
  const sides = visitConflictSides(conflict);
  if (!sides) return null;
  const name = (id: string | undefined) => (id ? (names.get(id) ?? id) : '');
  const zone = visit?.site.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const range = (w: { start: number; end: number } | undefined) => (w ? formatRange(w.start, w.end, zone) : '');
  let keep: string;
  let change: string;
  switch (sides.kind) {
    case 'kept_by_engineer':
      keep = t('sync.visit.keepWith', { name: name(sides.engineer) });
      change = t('sync.visit.handOver', { name: name(sides.dispatcherChoice) });
      break;
    case 'moved_meanwhile':
      keep = t('sync.visit.keepBooking', { when: range(visit?.window) });
      change = t('sync.visit.moveTo', { when: range(sides.window) });
      break;
    case 'over_progress':
      keep = t('sync.visit.keepAsIs');
      change = sides.cancelReason !== undefined ? t('sync.visit.cancelAnyway') : t('sync.visit.applyAnyway', { name: name(sides.engineerId ?? visit?.engineerId), when: range(sides.window) });
      break;
  }
  // The side the server kept is "mine" only when the engineer's field step reclaimed the visit.
  const kept: Choice = sides.kind === 'kept_by_engineer' ? 'mine' : 'theirs';
  const other: Choice = kept === 'mine' ? 'theirs' : 'mine';
  return (
    <div className="row" data-testid="visit-conflict-choices">
      <span className="muted">{t('sync.visit.now', { status: visit ? t(`dispatch.status.${visit.status}`) : '', name: name(visit?.engineerId) })}</span>
      <button type="button" onClick={() => onChoose(kept)}>{keep}</button>
      <button type="button" onClick={() => onChoose(other)}>{change}</button>
    </div>
  );
}
