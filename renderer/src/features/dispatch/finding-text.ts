import type { TFunction } from 'i18next';
import type { BookingFinding } from '../../../../shared/dispatch';

export type FindingTextContext = {
  t: TFunction;
  engineerName: string;
  /** Formats an instant for the dispatcher (board zone). */
  formatTime: (instant: number) => string;
  /** The window being booked: an overlap that only exists through travel time is said so. */
  window: { start: number; end: number };
};

function num(details: BookingFinding['details'], key: string): number {
  const v = details[key];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function str(details: BookingFinding['details'], key: string): string {
  return String(details[key] ?? '');
}

/** One finding as a sentence in the UI language (shared/dispatch's own message is English only). */
export function findingText(f: BookingFinding, c: FindingTextContext): string {
  const { t, engineerName: engineer, formatTime: at } = c;
  const d = f.details;
  switch (f.code) {
    case 'overlap': {
      const windowsTouch = c.window.start < num(d, 'otherEnd') && num(d, 'otherStart') < c.window.end;
      return t(!windowsTouch ? 'dispatch.finding.overlapTravel' : 'dispatch.finding.overlap', {
        engineer, visit: str(d, 'otherVisitId'), from: at(num(d, 'otherStart')), to: at(num(d, 'otherEnd')),
      });
    }
    case 'outside_working_hours':
      return t('dispatch.finding.outside_working_hours', { engineer, open: Math.round(num(d, 'openMinutes')), total: Math.round(num(d, 'windowMinutes')), zone: str(d, 'timeZone') });
    case 'after_deadline':
      return t('dispatch.finding.after_deadline', { start: at(num(d, 'start')), deadline: at(num(d, 'deadline')) });
    case 'missing_skill':
      return t('dispatch.finding.missing_skill', { engineer, line: str(d, 'productLine') });
    case 'wrong_region':
      return t('dispatch.finding.wrong_region', { engineer, engineerRegion: str(d, 'engineerRegion'), region: str(d, 'customerRegion') });
    case 'in_the_past':
      return t('dispatch.finding.in_the_past', { start: at(num(d, 'start')) });
  }
}
