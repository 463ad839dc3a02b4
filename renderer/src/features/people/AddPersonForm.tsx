import { useLeaveGuard } from '../../app/use-leave-guard';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, userRoles, type Person } from '../../../../shared/directory';
import { addPersonFormSchema, toNewPerson, type AddPersonForm as Form } from './person-form';
import { PeopleApiError, type PeopleApi } from './people-api';
import { useState } from 'react';

const DEFAULT_CALENDAR = 'weekdays-0830-1700';

/** Adds someone to the organisation on the server; they can sign in at once with the password given. */
export function AddPersonForm({ api, calendars, onAdded }: { api: PeopleApi; calendars: Array<{ id: string; name: string }>; onAdded: (p: Person) => void }) {
  const { t } = useTranslation();
  const [serverError, setServerError] = useState('');
  const form = useForm<Form>({ resolver: zodResolver(addPersonFormSchema), defaultValues: { email: '', name: '', role: 'agent', region: '', calendarId: calendars.some((c) => c.id === DEFAULT_CALENDAR) ? DEFAULT_CALENDAR : (calendars[0]?.id ?? DEFAULT_CALENDAR), skills: '', password: '' } });
  const err = form.formState.errors;
  // The form keeps no draft (it holds a password): leaving it with edits asks first.
  useLeaveGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful);
  const submit = form.handleSubmit(async (values) => {
    setServerError('');
    try {
      const p = await api.add(toNewPerson(values));
      form.reset({ ...values, email: '', name: '', skills: '', password: '' });
      onAdded(p);
    } catch (e) {
      const known = e instanceof PeopleApiError && ['email_taken', 'weak_password', 'unknown_calendar', 'forbidden', 'offline'].includes(e.code);
      setServerError(known ? t(`people.serverErrors.${(e as PeopleApiError).code}`, { detail: (e as PeopleApiError).message }) : e instanceof Error ? e.message : String(e));
    }
  });
  const fieldError = (name: keyof Form) => err[name] && <span className="error" role="alert">{t(`people.errors.${name}`, { min: MIN_PASSWORD_LENGTH })}</span>;
  return (
    <form className="settings-form people-add" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="people-add-title">
      <h3 id="people-add-title">{t('people.addTitle')}</h3>
      <div className="people-grid">
        <label>{t('people.name')}<input aria-label={t('people.name')} {...form.register('name')} /></label>
        <label>{t('people.email')}<input aria-label={t('people.email')} type="email" autoComplete="off" {...form.register('email')} /></label>
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
        <label>{t('people.skills')}<input aria-label={t('people.skills')} placeholder={t('people.skillsHint')} {...form.register('skills')} /></label>
        <label>{t('people.password')}<input aria-label={t('people.password')} type="password" autoComplete="new-password" {...form.register('password')} /></label>
      </div>
      {fieldError('name')}
      {fieldError('email')}
      {fieldError('region')}
      {fieldError('password')}
      <p className="muted">{t('people.passwordHint', { min: MIN_PASSWORD_LENGTH })}</p>
      <div className="row"><button type="submit" className="primary" disabled={form.formState.isSubmitting}>{t('people.add')}</button></div>
      {serverError && <p className="error" role="alert">{serverError}</p>}
    </form>
  );
}
