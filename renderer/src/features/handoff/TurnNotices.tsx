import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { stepText } from './handoff-text';
import { useTurnNoticesStore } from './notices-store';

/** "Your turn" notices of the internal steps: a step nearly due or breached, an interim report due. */
export function TurnNotices() {
  const { t, i18n } = useTranslation();
  const { alerts, dismiss } = useTurnNoticesStore();
  const navigate = useRouter((s) => s.navigate);
  if (alerts.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  return (
    <aside className="esc-notices" aria-label={t('handoff.notices.title')} role="status" data-testid="turn-notices">
      <header>
        <strong>{t('handoff.notices.title')}</strong>
      </header>
      <ul>
        {alerts.map((a) => (
          <li key={a.key}>
            <button type="button" className="link" onClick={() => navigate({ screen: 'ticket', id: a.ticketId })}>
              {a.ticketId}
            </button>{' '}
            {t(`handoff.notices.${a.kind}`, { step: stepText(t, { id: a.step }), at: time.format(a.at), title: a.title })}{' '}
            <button type="button" className="link" onClick={() => dismiss(a.key)}>
              {t('handoff.notices.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
