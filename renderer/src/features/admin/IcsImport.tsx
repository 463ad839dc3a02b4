import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyHolidays, type IcsHoliday, type IcsSkippedEvent } from '../../../../shared/calendar-io';
import { checkImportSize } from '../../../../shared/import-limits';
import type { BusinessCalendar } from '../../../../shared/sla';
import { ICS_PARSE_TIME_LIMIT_MS, parseIcsOffThread } from './parse-ics-off-thread';

type Loaded = { fileName: string; holidays: IcsHoliday[]; skipped: IcsSkippedEvent[] };

/** Public holidays from an .ics file: preview the closed dates of the chosen year and the next, then add them. */
export function IcsImport({ calendar, year, onApply }: { calendar: BusinessCalendar; year: number; onApply: (c: BusinessCalendar) => void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<string | undefined>(undefined);
  const [reading, setReading] = useState(false);

  const read = async (file: File) => {
    setResult(undefined);
    const size = checkImportSize('ics', file.size);
    if (!size.ok) {
      setLoaded(undefined);
      setError(t('common.fileTooLarge', { file: file.name, size: size.size, limit: size.limit }));
      return;
    }
    setReading(true);
    const r = await parseIcsOffThread(await file.text(), { fromYear: year, toYear: year + 1 }).finally(() => setReading(false));
    if (!r.ok) {
      setLoaded(undefined);
      const message = r.error === 'timeout' ? t('admin.ics.timeout', { seconds: ICS_PARSE_TIME_LIMIT_MS / 1000 }) : r.error === 'worker_failed' ? t('admin.ics.workerFailed') : r.error;
      setError(t('admin.ics.unreadable', { file: file.name, message }));
      return;
    }
    setError(undefined);
    setLoaded({ fileName: file.name, holidays: r.holidays, skipped: r.skipped });
  };

  const apply = (l: Loaded) => {
    const r = applyHolidays(calendar, l.holidays);
    onApply(r.calendar);
    setLoaded(undefined);
    setResult(t('admin.ics.applied', { added: r.added.length, closed: r.alreadyClosed.length, kept: r.keptWorking.length, keptDates: r.keptWorking.join(', ') || '—' }));
  };

  return (
    <div className="admin-tool">
      <label className="admin-file">
        {t('admin.ics.choose', { from: year, to: year + 1 })}
        <input type="file" accept=".ics,text/calendar" onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void read(f);
        }} />
      </label>
      {reading && <p className="muted" role="status">{t('admin.ics.reading')}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {result && <p className="admin-ok" role="status">{result}</p>}
      {loaded && (
        <div data-testid="ics-preview">
          <p>{t('admin.ics.found', { file: loaded.fileName, count: loaded.holidays.length })}</p>
          <ul className="admin-list">
            {loaded.holidays.map((h) => (
              <li key={h.date}><span className="mono">{h.date}</span> {h.summary}</li>
            ))}
          </ul>
          {loaded.skipped.length > 0 && (
            <details>
              <summary>{t('admin.ics.skipped', { count: loaded.skipped.length })}</summary>
              <ul className="admin-list">
                {loaded.skipped.map((s, i) => (
                  <li key={i}>{s.summary || '—'}: {t(`admin.ics.reasons.${s.reason}`)}</li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" className="primary" disabled={loaded.holidays.length === 0} onClick={() => apply(loaded)}>{t('admin.ics.add', { count: loaded.holidays.length })}</button>{' '}
          <button type="button" onClick={() => setLoaded(undefined)}>{t('common.cancel')}</button>
        </div>
      )}
    </div>
  );
}
