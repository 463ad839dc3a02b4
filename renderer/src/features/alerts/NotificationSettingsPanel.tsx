import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { notificationSettingsSchema, type NotificationSettings } from '../../../../shared/ipc';
import { useConfig } from '../../config/config-store';
import { PermissionRow } from './PermissionRow';
import { useNotificationSettings } from './use-notification-settings';
import './alerts.css';

const defaultQuiet = { start: '22:00', end: '07:00' };

/** Quiet hours, severities to notify, muted tickets and pause; on the web host also the browser permission. */
export function NotificationSettingsPanel() {
  const { settings, error } = useNotificationSettings();
  const { t } = useTranslation();
  if (!settings) return error ? <p className="error">{t('alerts.settings.loadFailed', { message: error })}</p> : null;
  return <SettingsForm settings={settings} />;
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const { error, save } = useNotificationSettings();
  const config = useConfig();
  const [saved, setSaved] = useState(false);
  const form = useForm<NotificationSettings>({ resolver: zodResolver(notificationSettingsSchema), defaultValues: settings });
  const { register, handleSubmit, watch, setValue, formState } = form;
  const quiet = watch('quietHours');
  const muted = watch('mutedTickets');
  // Alerts carry the severity level's label, so the choices are the labels of the loaded policies.
  const severityLabels = useMemo(() => [...new Set([...config.policies.values()].flatMap((p) => p.severityLevels.map((l) => l.label)))], [config]);

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    const stored = await save(values);
    if (stored) {
      form.reset(stored);
      setSaved(true);
    }
  });

  return (
    <form className="alerts-settings" aria-label={t('alerts.settings.title')} onSubmit={(e) => void onSubmit(e)} onChange={() => setSaved(false)}>
      <h2>{t('alerts.settings.title')}</h2>
      <PermissionRow />

      <fieldset>
        <legend>{t('alerts.settings.quietHours')}</legend>
        <label className="row">
          <input type="checkbox" checked={quiet !== null} onChange={(e) => setValue('quietHours', e.target.checked ? defaultQuiet : null, { shouldDirty: true })} />
          {t('alerts.settings.quietEnabled')}
        </label>
        {quiet && (
          <div className="row">
            <label>
              {t('alerts.settings.quietFrom')} <input type="time" {...register('quietHours.start')} />
            </label>
            <label>
              {t('alerts.settings.quietTo')} <input type="time" {...register('quietHours.end')} />
            </label>
          </div>
        )}
        {formState.errors.quietHours && <p className="error">{t('alerts.settings.badTime')}</p>}
        <p className="muted">{t('alerts.settings.quietHint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('alerts.settings.severities')}</legend>
        <div className="alerts-severities">
          {severityLabels.map((label) => (
            <label key={label} className="row">
              <input type="checkbox" value={label} {...register('severities')} />
              {label}
            </label>
          ))}
        </div>
        <p className="muted">{t('alerts.settings.severitiesHint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('alerts.settings.muted')}</legend>
        {muted.length === 0 ? (
          <p className="muted">{t('alerts.settings.noMuted')}</p>
        ) : (
          <ul className="alerts-muted">
            {muted.map((id) => (
              <li key={id}>
                <span className="mono">{id}</span>
                <button type="button" onClick={() => setValue('mutedTickets', muted.filter((m) => m !== id), { shouldDirty: true })}>
                  {t('alerts.settings.unmute')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <label className="row">
        <input type="checkbox" {...register('paused')} />
        {t('alerts.settings.paused')}
      </label>

      <div className="row">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>{t('alerts.settings.save')}</button>
        {saved && !formState.isDirty && <span className="muted" role="status">{t('alerts.settings.saved')}</span>}
        {error && <span className="error">{t('alerts.settings.saveFailed', { message: error })}</span>}
      </div>
    </form>
  );
}
