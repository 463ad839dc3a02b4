import { useLeaveGuard } from '../../app/use-leave-guard';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { userRoles, type Person } from '../../../../shared/directory';
import { editPersonFormSchema, toChange, toEditForm, type EditPersonForm } from './person-form';
import type { PeopleApi } from './people-api';

/** One person: their facts, and for the admin an inline editor and (de)activation. */
export function PersonRow({ person, api, calendars, isMe, onChanged }: { person: Person; api: PeopleApi; calendars: Array<{ id: string; name: string }>; isMe: boolean; onChanged: (p: Person, what: 'changed' | 'deactivated' | 'reactivated') => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  const form = useForm<EditPersonForm>({ resolver: zodResolver(editPersonFormSchema), defaultValues: toEditForm(person) });
  useLeaveGuard(editing && form.formState.isDirty);
  const calendarName = (id: string) => calendars.find((c) => c.id === id)?.name ?? id;
  const run = async (fn: () => Promise<void>) => {
    setError('');
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const save = form.handleSubmit((values) =>
    run(async () => {
      const r = toChange(person, values);
      if (!r.ok) return setError(t(`people.errors.${r.field}`));
      if (r.change) onChanged(await api.change(person.id, r.change), 'changed');
      setEditing(false);
    }),
  );
  const label = `${person.name} <${person.email}>`;
  if (editing) {
    return (
      <tr className="person-editing">
        <td colSpan={7}>
          <form className="people-grid" onSubmit={(e) => void save(e)} noValidate aria-label={t('people.editOf', { name: label })}>
            <label>{t('people.name')}<input aria-label={t('people.name')} {...form.register('name')} /></label>
            <label>{t('people.role')}
              <select aria-label={t('people.role')} {...form.register('role')}>
                {userRoles.map((r) => <option key={r} value={r}>{t(`settings.roles.${r}`)}</option>)}
              </select>
            </label>
            <label>{t('people.region')}<input aria-label={t('people.region')} {...form.register('region')} /></label>
            <label>{t('people.calendar')}
              <select aria-label={t('people.calendar')} {...form.register('calendarId')}>
                {calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </label>
            <label>{t('people.skills')}<input aria-label={t('people.skills')} {...form.register('skills')} /></label>
            <div className="row">
              <button type="submit" className="primary">{t('people.save')}</button>
              <button type="button" onClick={() => (form.reset(toEditForm(person)), setEditing(false), setError(''))}>{t('people.cancel')}</button>
            </div>
            {error && <p className="error" role="alert">{error}</p>}
          </form>
        </td>
      </tr>
    );
  }
  return (
    <tr className={person.active ? '' : 'person-inactive'} data-testid={`person-${person.email}`}>
      <td>{person.name}<div className="muted">{person.email}</div></td>
      <td>{t(`settings.roles.${person.role}`)}</td>
      <td>{person.region}</td>
      <td>{calendarName(person.calendarId)}</td>
      <td>{person.skills.join(', ') || '—'}</td>
      <td>{person.active ? t('people.active') : t('people.inactive')}</td>
      <td className="person-actions">
        <button type="button" onClick={() => (form.reset(toEditForm(person)), setEditing(true))} aria-label={t('people.editOf', { name: label })}>{t('people.edit')}</button>
        {person.active ? (
          !isMe && <button type="button" onClick={() => void run(async () => onChanged(await api.setActive(person.id, false), 'deactivated'))} aria-label={t('people.deactivateOf', { name: label })}>{t('people.deactivate')}</button>
        ) : (
          <button type="button" onClick={() => void run(async () => onChanged(await api.setActive(person.id, true), 'reactivated'))} aria-label={t('people.reactivateOf', { name: label })}>{t('people.reactivate')}</button>
        )}
        {error && <div className="error" role="alert">{error}</div>}
      </td>
    </tr>
  );
}
