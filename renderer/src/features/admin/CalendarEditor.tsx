import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarPresetSchema, type CalendarPreset } from '../../../../shared/sla';
import { useMutations } from '../../app/mutations';
import { putConfigRow } from './config-mutations';
import { DeadlineImpactList } from './DeadlineImpactList';
import { FieldError } from './FieldError';
import { issuesOf } from './field-errors';
import { OverridesEditor } from './OverridesEditor';
import { useDeadlineImpact } from './use-deadline-impact';
import { WeekHoursEditor } from './WeekHoursEditor';
import { IssueList } from './IssueList';
import { useLeaveGuard } from '../../app/use-leave-guard';
import { zodErrorText } from './validation-text';

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/**
 * One calendar as a draft checked by calendarPresetSchema on every change. A draft rather than
 * react-hook-form fields: overrides are a record keyed by date that rows add and remove wholesale.
 */
export function CalendarEditor({ preset, isNew, readOnly, onSaved }: { preset: CalendarPreset; isNew: boolean; readOnly: boolean; onSaved: (p: CalendarPreset) => void }) {
  const { t } = useTranslation();
  const mutate = useMutations();
  const [draft, setDraft] = useState<CalendarPreset>(preset);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const parsed = useMemo(() => calendarPresetSchema.safeParse(draft, { error: zodErrorText(t) }), [draft, t]);
  const issues = parsed.success ? [] : issuesOf(parsed.error);
  const errorsAt = (path: string) => issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
  const impact = useDeadlineImpact(draft.id, parsed.success ? parsed.data.calendar : undefined);
  const dirty = JSON.stringify(draft) !== JSON.stringify(preset);
  useLeaveGuard(dirty && !readOnly);
  const zones = useMemo(() => timeZones(draft.calendar.timeZone), [draft.calendar.timeZone]);
  const edit = (next: CalendarPreset) => {
    setDraft(next);
    setStatus(undefined);
  };

  const save = async () => {
    if (!parsed.success) return;
    setSaving(true);
    try {
      const r = await putConfigRow(mutate, 'calendars', parsed.data);
      if (r.outcome === 'applied') {
        setStatus({ kind: 'ok', text: t('admin.calendar.saved') });
        onSaved(parsed.data);
      } else setStatus({ kind: 'error', text: r.message ?? t('admin.refused') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="admin-form" aria-label={t('admin.calendar.formLabel', { name: preset.name })} role="form">
      <fieldset disabled={readOnly} className="admin-plain">
        <div className="admin-grid">
          <label>
            {t('admin.calendar.id')}
            <input value={draft.id} readOnly={!isNew} onChange={(e) => edit({ ...draft, id: e.target.value })} aria-invalid={errorsAt('id').length > 0 || undefined} />
            <FieldError messages={errorsAt('id')} />
          </label>
          <label>
            {t('admin.calendar.name')}
            <input value={draft.name} onChange={(e) => edit({ ...draft, name: e.target.value })} aria-invalid={errorsAt('name').length > 0 || undefined} />
            <FieldError messages={errorsAt('name')} />
          </label>
          <label>
            {t('admin.calendar.timeZone')}
            <select value={draft.calendar.timeZone} onChange={(e) => edit({ ...draft, calendar: { ...draft.calendar, timeZone: e.target.value } })}>
              {zones.map((z) => (
                <option key={z} value={z}>{z}</option>
              ))}
            </select>
            <FieldError messages={errorsAt('calendar.timeZone')} />
          </label>
        </div>
        <label className="admin-wide">
          {t('admin.calendar.note')}
          <textarea rows={2} value={draft.note ?? ''} onChange={(e) => edit({ ...draft, ...(e.target.value ? { note: e.target.value } : { note: undefined }) })} />
        </label>
        <WeekHoursEditor week={draft.calendar.week} errorsAt={errorsAt} onChange={(week) => edit({ ...draft, calendar: { ...draft.calendar, week } })} />
        <OverridesEditor calendar={draft.calendar} errorsAt={errorsAt} readOnly={readOnly} onChange={(calendar) => edit({ ...draft, calendar })} />
      </fieldset>
      {!isNew && <DeadlineImpactList state={impact} />}
      {issues.length > 0 && <IssueList issues={issues} testId="calendar-errors" />}
      <div className="admin-actions admin-sticky">
        {!readOnly && (
          <button type="button" className="primary" disabled={!parsed.success || !dirty || saving || (!isNew && impact.status === 'computing')} onClick={() => void save()}>
            {t('admin.calendar.save')}
          </button>
        )}
        {dirty && <span className="muted">{t('admin.unsaved')}</span>}
        {status && <span className={status.kind === 'ok' ? 'admin-ok' : 'error'} role={status.kind === 'ok' ? 'status' : 'alert'}>{status.text}</span>}
      </div>
    </div>
  );
}
