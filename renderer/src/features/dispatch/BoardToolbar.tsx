import { useTranslation } from 'react-i18next';
import type { Engineer } from '../../../../shared/directory';
import { useConfig } from '../../config/config-store';
import { boardColumns, shiftAnchor } from './board-layout';
import { browserZone, useBoard } from './board-store';

/** View (week/day), paging, the board's time zone and the region filter. */
export function BoardToolbar({ engineers }: { engineers: Engineer[] }) {
  const { t, i18n } = useTranslation();
  const config = useConfig();
  const { view, anchor, zone, region, set } = useBoard();
  const zones = [...new Set([browserZone, ...engineers.map((e) => config.calendars[e.calendarId]?.timeZone).filter((z): z is string => z !== undefined)])];
  const regions = [...new Set(engineers.map((e) => e.region))].sort();
  const cols = boardColumns(view, anchor, zone);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: zone });
  const first = cols[0];
  const last = cols[cols.length - 1];
  return (
    <div className="row board-toolbar">
      <div role="group" aria-label={t('dispatch.view')} className="segmented">
        {(['week', 'day'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => set({ view: v })}>{t(`dispatch.views.${v}`)}</button>
        ))}
      </div>
      <button type="button" onClick={() => set({ anchor: shiftAnchor(anchor, view, -1) })} aria-label={t('dispatch.previous')}>‹</button>
      <button type="button" onClick={() => set({ anchor: Date.now() })}>{t('dispatch.today')}</button>
      <button type="button" onClick={() => set({ anchor: shiftAnchor(anchor, view, 1) })} aria-label={t('dispatch.next')}>›</button>
      <span className="range" data-testid="board-range">{first && last ? (view === 'week' ? fmt.formatRange(first.start, last.end - 1) : fmt.format(first.start)) : ''}</span>
      <label className="row">
        <span>{t('dispatch.zone')}</span>
        <select value={zone} onChange={(e) => set({ zone: e.target.value })} aria-label={t('dispatch.zone')}>
          {zones.map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
      </label>
      <label className="row">
        <span>{t('dispatch.region')}</span>
        <select value={region} onChange={(e) => set({ region: e.target.value })} aria-label={t('dispatch.region')}>
          <option value="">{t('dispatch.allRegions')}</option>
          {regions.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
    </div>
  );
}
