import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useNotificationPermission } from './use-notification-settings';

/** Web host only: the browser's notification permission, a button to ask, and a test toast. */
export function PermissionRow() {
  const { t } = useTranslation();
  const { host } = useServices();
  const state = useNotificationPermission();
  const control = host.notificationControl;
  if (!state || !control) return null;
  return (
    <div className="row alerts-permission" data-testid="notification-permission">
      <span>{t(`alerts.permission.${state.permission}`)}</span>
      {state.permission === 'default' && (
        <button type="button" onClick={() => void control.request()}>{t('alerts.permission.ask')}</button>
      )}
      {state.permission !== 'unsupported' && state.permission !== 'denied' && (
        <button type="button" onClick={() => control.showTest(t('alerts.test.title'), t('alerts.test.body'))}>{t('alerts.permission.test')}</button>
      )}
    </div>
  );
}
