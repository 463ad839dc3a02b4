import { useTranslation } from 'react-i18next';
import { useNotificationSettings } from './use-notification-settings';

/** Mutes or unmutes SLA notifications for one ticket (its alerts are still recorded). */
export function MuteTicketButton({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { settings, error, save } = useNotificationSettings();
  if (!settings) return null;
  const muted = settings.mutedTickets.includes(ticketId);
  const toggle = () => {
    const mutedTickets = muted ? settings.mutedTickets.filter((id) => id !== ticketId) : [...settings.mutedTickets, ticketId];
    void save({ ...settings, mutedTickets });
  };
  return (
    <>
      <button type="button" aria-pressed={muted} data-testid="mute-ticket" title={muted ? t('alerts.mute.mutedHint') : t('alerts.mute.hint')} onClick={toggle}>
        {muted ? t('alerts.mute.unmute') : t('alerts.mute.mute')}
      </button>
      {error && <span className="error">{t('alerts.settings.saveFailed', { message: error })}</span>}
    </>
  );
}
