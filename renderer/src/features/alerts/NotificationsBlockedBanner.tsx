import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotificationPermission } from './use-notification-settings';
import './alerts.css';

/** Web host: says that the browser blocked SLA notifications (the alerts are still recorded). */
export function NotificationsBlockedBanner() {
  const { t } = useTranslation();
  const state = useNotificationPermission();
  const [dismissedAt, setDismissedAt] = useState(0);
  if (!state || state.blocked <= dismissedAt) return null;
  return (
    <div className="alerts-banner" role="alert" data-testid="notifications-blocked">
      <span>{state.permission === 'unsupported' ? t('alerts.banner.unsupported') : t('alerts.banner.blocked')}</span>
      <button type="button" className="link" onClick={() => setDismissedAt(state.blocked)}>{t('alerts.banner.dismiss')}</button>
    </div>
  );
}
