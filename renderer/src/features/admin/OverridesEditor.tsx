import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sortOverrides, weekdayOf, yearOf } from '../../../../shared/calendar-io';
import type { BusinessCalendar, TimeRange } from '../../../../shared/sla';
import { parseIsoDate } from '../../../../shared/sla/calendar-validate';
import { CopyToNextYear } from './CopyToNextYear';
import { FieldError } from './FieldError';
import { IcsImport } from './IcsImport';
import { RangesInput } from './RangesInput';

type Props = { calendar: BusinessCalendar; onChange: (c: BusinessCalendar) => void; errorsAt: (path: string) => string[]; readOnly: boolean };

/** Holidays (closed days) and make-up working days of one year, with .ics import and copy to next year. */
export function OverridesEditor({ calendar, onChange, errorsAt, readOnly }: Props) {
  const { t } = useTranslation();
  const overrides = calendar.overrides ?? {};
  const thisYear = new Date().getFullYear();
  const years = [...new Set([thisYear, thisYear + 1, ...Object.keys(overrides).map(yearOf).filter(Number.isFinite)])].sort();
  const [year, setYear] = useState(thisYear);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'holiday' | 'working'>('holiday');
  const [addError, setAddError] = useState<string | undefined>(undefined);
  const entries = Object.entries(overrides).filter(([d]) => yearOf(d) === year).sort(([a], [b]) => a.localeCompare(b));
  const setOverrides = (next: Record<string, TimeRange[]>) => onChange({ ...calendar, overrides: sortOverrides(next) });

  const add = () => {
    if (parseIsoDate(date) === undefined) return setAddError(t('admin.calendar.badDate'));
    if (overrides[date] !== undefined) return setAddError(t('admin.calendar.dateListed', { date }));
    const weekly = calendar.week[weekdayOf(date)];
    const ranges: TimeRange[] = kind === 'holiday' ? [] : weekly.length > 0 ? weekly.map((r) => [r[0], r[1]]) : [['09:00', '17:00']];
    setOverrides({ ...overrides, [date]: ranges });
    setAddError(undefined);
    setYear(yearOf(date));
    setDate('');
  };

  return (
    <fieldset className="admin-fieldset" data-testid="calendar-overrides">
      <legend>{t('admin.calendar.overrides')}</legend>
      <label>
        {t('admin.calendar.year')}{' '}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
      </label>
      {entries.length === 0 ? (
        <p className="muted">{t('admin.calendar.noOverrides', { year })}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('admin.calendar.date')}</th>
              <th>{t('admin.calendar.kind')}</th>
              <th>{t('admin.calendar.hours')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map(([d, ranges]) => {
              const errors = errorsAt(`calendar.overrides.${d}`);
              const valid = parseIsoDate(d) !== undefined;
              return (
                <tr key={d} data-date={d}>
                  <td className="mono">{d} {valid && <span className="muted">{t(`admin.weekdays.${weekdayOf(d)}`)}</span>}</td>
                  <td>{ranges.length === 0 ? t('admin.calendar.holiday') : t('admin.calendar.workingDay')}</td>
                  <td>
                    {ranges.length > 0 && <RangesInput label={d} ranges={ranges} invalid={errors.length > 0} onChange={(r) => setOverrides({ ...overrides, [d]: r })} />}
                    <FieldError messages={errors} />
                  </td>
                  <td>
                    <button type="button" className="link" aria-label={t('admin.calendar.removeDate', { date: d })} onClick={() => {
                      const next = { ...overrides };
                      delete next[d];
                      setOverrides(next);
                    }}>{t('admin.calendar.remove')}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="admin-actions">
        <label>
          {t('admin.calendar.newDate')}{' '}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('admin.calendar.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value === 'working' ? 'working' : 'holiday')}>
            <option value="holiday">{t('admin.calendar.holiday')}</option>
            <option value="working">{t('admin.calendar.workingDay')}</option>
          </select>
        </label>
        <button type="button" onClick={add}>{t('admin.calendar.addDate')}</button>
        {addError && <span className="error" role="alert">{addError}</span>}
      </div>
      {!readOnly && (
        <div className="admin-tools">
          <IcsImport calendar={calendar} year={year} onApply={onChange} />
          <CopyToNextYear calendar={calendar} year={year} onApply={(c) => {
            onChange(c);
            setYear(year + 1);
          }} />
        </div>
      )}
    </fieldset>
  );
}
