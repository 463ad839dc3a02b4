import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/directory';
import type { Clock } from '../../../../shared/sla/clocks';
import type { Ticket } from '../../../../shared/ticket';
import { formatMinutes, clockUrgency } from '../clocks';

/** The countdown to the next customer update the policy's cadence asks for. */
export function CadencePanel({ ticket, clocks }: { ticket: Ticket; clocks: Clock[]; customer?: Customer }) {
  const { t, i18n } = useTranslation();
  const cadence = clocks.find((c) => c.kind === 'update_cadence');
  return (
    <section className="cadence" aria-label={t('cadence.title')}>
      <h3>{t('cadence.title')}</h3>
      {!cadence || cadence.state === 'met' || cadence.state === 'pending' ? (
        <p className="muted">{t('cadence.none')}</p>
      ) : (
        <p className={`clock-${clockUrgency(cadence)}`} data-testid="cadence-countdown">
          {cadence.remainingMinutes < 0
            ? t('cadence.overdue', { time: formatMinutes(-cadence.remainingMinutes, i18n.language) })
            : t('cadence.due', { time: formatMinutes(cadence.remainingMinutes, i18n.language) })}
        </p>
      )}
      <p className="muted">{t('cadence.sent', { count: ticket.sla.customerUpdates.length })}</p>
    </section>
  );
}
