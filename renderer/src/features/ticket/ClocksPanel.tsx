import { useTranslation } from 'react-i18next';
import type { Clock, ClocksProblem } from '../../../../shared/sla';
import { clockUrgency, formatMinutes } from '../clocks';

/**
 * Every clock of the ticket, not only the nearest: state, target, remaining time. A ticket whose
 * policy or calendar is missing says so (rather than looking like a ticket without targets).
 */
export function ClocksPanel({ clocks, problem, timeZone }: { clocks: Clock[]; problem?: ClocksProblem | undefined; timeZone?: string }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const fmtSite = timeZone ? new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }) : undefined;
  if (problem) return <p role="status" className="clocks-problem" data-testid="clocks-problem">{t(`ticket.clocksProblem.${problem.kind}`, problem)}</p>;
  if (clocks.length === 0) return <p className="muted">{t('ticket.noClocks')}</p>;
  return (
    <table className="clocks-table" aria-label={t('ticket.clocks')}>
      <thead>
        <tr>
          <th>{t('ticket.clock')}</th>
          <th>{t('ticket.state')}</th>
          <th>{t('ticket.target')}</th>
          <th>{t('ticket.remaining')}</th>
        </tr>
      </thead>
      <tbody>
        {clocks.map((c) => (
          <tr key={c.kind} data-clock={c.kind} className={`clock-row clock-${clockUrgency(c)}`}>
            <td>{t(`clocks.${c.kind}`)}</td>
            {/* A breached clock says so in words and with a mark, not by its red alone. */}
            <td data-testid={`clock-state-${c.kind}`}>{c.state === 'breached' && <span aria-hidden="true">⚠ </span>}{t(`clockState.${c.state}`)}</td>
            <td>
              {c.target === undefined ? '—' : <span className="target-time">{fmt.format(c.target)}</span>}
              {c.target !== undefined && fmtSite && <span className="muted site-time">{fmtSite.format(c.target)}</span>}
            </td>
            <td>{c.state === 'met' || c.state === 'pending' ? '—' : formatMinutes(c.remainingMinutes, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
