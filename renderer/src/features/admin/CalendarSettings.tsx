import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { policiesUsingCalendar } from '../../../../shared/calendar-io';
import type { CalendarPreset } from '../../../../shared/sla';
import { useMutations } from '../../app/mutations';
import { presetCalendars, useConfig, useConfigSyncStatus } from '../../config';
import { CalendarEditor } from './CalendarEditor';
import { deleteConfigRow } from './config-mutations';
import { useIsAdmin } from './use-admin';
import { useStoredConfigIds } from './use-stored-config';
import './admin.css';
import { ConfigToolbar } from './ConfigToolbar';
import { mayLeave } from '../../app/router';

/** Settings › Calendars: opening hours, holidays and make-up days; shows the deadlines a change moves before saving. */
export function CalendarSettings() {
  const { t } = useTranslation();
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
    // Picking another one replaces the editor: its unsaved edits would go with it.
    if (!mayLeave()) return;
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
      <ConfigToolbar
        pickLabel={t('admin.calendar.pick')}
        testId="calendar-select"
        items={calendars}
        selectedId={preset.id}
        draftNewName={draftNew?.name}
        isStored={isStored}
        shipped={shipped}
        admin={admin}
        onSelect={select}
        onDuplicate={duplicate}
        onRevert={() => void revert()}
        onDiscard={() => setDraftNew(undefined)}
        status={recomputing && <span className="muted" role="status">{t('admin.recomputing')}</span>}
        message={message}
      />
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
