import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotificationPermission } from './use-notification-settings';
import './alerts.css';

const DISMISSED_KEY = 'service-desk.notificationsBanner.dismissed';

/** The permission the user last dismissed the banner for; it stays dismissed across reloads until the permission changes. */
function readDismissed(): string | null {
  try {
    return localStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

/** Web host: one line saying that the browser blocked SLA notifications (the alerts are still recorded). */
export function NotificationsBlockedBanner() {
  const { t } = useTranslation();
  const state = useNotificationPermission();
  const [dismissed, setDismissed] = useState(readDismissed);
  if (!state || state.blocked === 0 || dismissed === state.permission) return null;
  const message = state.permission === 'unsupported' ? t('alerts.banner.unsupported') : t('alerts.banner.blocked');
  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, state.permission);
    setDismissed(state.permission);
  };
  return (
    <div className="alerts-banner" role="note" data-testid="notifications-blocked">
      <span title={message}>{message}</span>
      <button type="button" className="link" onClick={dismiss}>{t('alerts.banner.dismiss')}</button>
    </div>
  );
}
