import { useTranslation } from 'react-i18next';
import type { TimeRange } from '../../../../shared/sla';

/** Opening ranges of one day ("08:30"–"12:00", "13:00"–"17:30"); an empty list means closed. */
export function RangesInput({ label, ranges, onChange, invalid }: { label: string; ranges: TimeRange[]; onChange: (r: TimeRange[]) => void; invalid: boolean }) {
  const { t } = useTranslation();
  const set = (i: number, side: 0 | 1, value: string) => onChange(ranges.map((r, j) => (j === i ? (side === 0 ? [value, r[1]] : [r[0], value]) : r)));
  const last = ranges[ranges.length - 1];
  return (
    <span className="admin-ranges">
      {ranges.length === 0 && <span className="muted">{t('admin.calendar.closed')}</span>}
      {ranges.map((r, i) => (
        <span key={i} className="admin-range">
          <input className="admin-time" aria-label={t('admin.calendar.rangeStart', { day: label, n: i + 1 })} aria-invalid={invalid || undefined} placeholder="HH:MM" value={r[0]} onChange={(e) => set(i, 0, e.target.value)} />
          –
          <input className="admin-time" aria-label={t('admin.calendar.rangeEnd', { day: label, n: i + 1 })} aria-invalid={invalid || undefined} placeholder="HH:MM" value={r[1]} onChange={(e) => set(i, 1, e.target.value)} />
          <button type="button" className="link" aria-label={t('admin.calendar.removeRange', { day: label, n: i + 1 })} onClick={() => onChange(ranges.filter((_, j) => j !== i))}>×</button>
        </span>
      ))}
      <button type="button" className="link" aria-label={t('admin.calendar.addRangeTo', { day: label })} onClick={() => onChange([...ranges, last ? [last[1] < '23:00' ? last[1] : '23:00', '24:00'] : ['09:00', '17:00']])}>
        {t('admin.calendar.addRange')}
      </button>
    </span>
  );
}
