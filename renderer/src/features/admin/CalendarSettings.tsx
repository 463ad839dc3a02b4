import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { policiesUsingCalendar } from '../../../../shared/calendar-io';
import type { CalendarPreset } from '../../../../shared/sla';
import { useMutations } from '../../app/mutations';
import { presetCalendars, useConfig, useConfigSync, useConfigSyncStatus } from '../../config';
import { CalendarEditor } from './CalendarEditor';
import { deleteConfigRow } from './config-mutations';
import { useIsAdmin } from './use-admin';
import { useStoredConfigIds } from './use-stored-config';
import './admin.css';

/** Settings › Calendars: opening hours, holidays and make-up days; shows the deadlines a change moves before saving. */
export function CalendarSettings() {
  const { t } = useTranslation();
  // The editors show the stored state even before the app shell mounts the overlay (idempotent).
  useConfigSync();
  const config = useConfig();
  const mutate = useMutations();
  const admin = useIsAdmin();
  const stored = useStoredConfigIds();
  const invalid = useConfigSyncStatus((s) => s.invalid).filter((p) => p.table === 'calendars');
  const recomputing = useConfigSyncStatus((s) => s.recomputing);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [draftNew, setDraftNew] = useState<CalendarPreset | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  // Shown until the overlay has the saved row (the store's live query answers a moment later).
  const [justSaved, setJustSaved] = useState<CalendarPreset | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const calendars = [...config.calendarPresets.values()].sort((a, b) => a.name.localeCompare(b.name));
  const preset = draftNew ?? config.calendarPresets.get(selectedId ?? '') ?? (justSaved?.id === selectedId ? justSaved : undefined) ?? calendars[0];
  if (!preset) return <p className="muted">{t('admin.calendar.none')}</p>;
  const shipped = presetCalendars.some((c) => c.id === preset.id);
  const isStored = stored.calendars.has(preset.id);
  const usedBy = [...policiesUsingCalendar(config.policies.values(), preset.id)].map((id) => config.policies.get(id)?.name ?? id);

  const select = (id: string) => {
    setDraftNew(undefined);
    setSelectedId(id);
    setMessage(undefined);
  };
  const duplicate = () => {
    let n = 2;
    while (config.calendarPresets.has(`${preset.id}-copy${n === 2 ? '' : `-${n}`}`)) n++;
    setDraftNew({ ...structuredClone(preset), id: `${preset.id}-copy${n === 2 ? '' : `-${n}`}`, name: t('admin.copyName', { name: preset.name }) });
    setMessage(undefined);
  };
  const revert = async () => {
    if (!shipped && usedBy.length > 0) {
      setMessage({ kind: 'error', text: t('admin.calendar.inUse', { policies: usedBy.join(', ') }) });
      return;
    }
    const r = await deleteConfigRow(mutate, 'calendars', preset.id);
    if (r.outcome === 'applied') {
      setGeneration((g) => g + 1);
      setMessage({ kind: 'ok', text: shipped ? t('admin.reverted') : t('admin.deleted') });
      if (!shipped) setSelectedId(undefined);
    } else setMessage({ kind: 'error', text: r.message ?? t('admin.refused') });
  };

  return (
    <section className="admin-settings" aria-labelledby="calendar-settings-title">
      <h2 id="calendar-settings-title">{t('admin.calendar.title')}</h2>
      {!admin && <p className="muted" role="note">{t('admin.adminOnly')}</p>}
      {invalid.map((p) => (
        <p key={p.id} className="error" role="alert">{t('admin.invalidStored', { id: p.id, message: p.message })}</p>
      ))}
      <div className="admin-toolbar">
        <label>
          {t('admin.calendar.pick')}{' '}
          <select value={draftNew ? '' : preset.id} onChange={(e) => select(e.target.value)} data-testid="calendar-select">
            {draftNew && <option value="">{t('admin.newItem', { name: draftNew.name })}</option>}
            {calendars.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <span className="chip">{draftNew ? t('admin.new') : isStored ? (shipped ? t('admin.edited') : t('admin.custom')) : t('admin.shipped')}</span>
        {admin && !draftNew && <button type="button" onClick={duplicate}>{t('admin.duplicate')}</button>}
        {admin && !draftNew && isStored && <button type="button" onClick={() => void revert()}>{shipped ? t('admin.revert') : t('admin.delete')}</button>}
        {draftNew && <button type="button" onClick={() => setDraftNew(undefined)}>{t('admin.discard')}</button>}
        {recomputing && <span className="muted" role="status">{t('admin.recomputing')}</span>}
        {message && <span className={message.kind === 'ok' ? 'admin-ok' : 'error'} role={message.kind === 'ok' ? 'status' : 'alert'}>{message.text}</span>}
      </div>
      <p className="muted" data-testid="calendar-used-by">{usedBy.length > 0 ? t('admin.calendar.usedBy', { policies: usedBy.join(', ') }) : t('admin.calendar.unused')}</p>
      {preset.note && !draftNew && <p className="muted">{preset.note}</p>}
      <CalendarEditor
        key={`${draftNew ? 'new' : 'stored'}:${preset.id}:${generation}`}
        preset={preset}
        isNew={draftNew !== undefined}
        readOnly={!admin}
        onSaved={(c) => {
          setJustSaved(c);
          setDraftNew(undefined);
          setSelectedId(c.id);
        }}
      />
    </section>
  );
}
