import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { formatMinutes } from '../clocks';
import type { ImpactState } from './use-deadline-impact';

const SHOWN = 200;

/** Which open tickets' deadlines the unsaved calendar moves, and by how much (largest moves first). */
export function DeadlineImpactList({ state }: { state: ImpactState }) {
  const { t, i18n } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (state.status === 'unchanged') return null;
  return (
    <section className="admin-impact" aria-labelledby="impact-title" data-testid="deadline-impact" aria-busy={state.status === 'computing'}>
      <h3 id="impact-title">{t('admin.impact.title')}</h3>
      {state.status === 'computing' && <p className="muted" role="status">{t('admin.impact.computing')}</p>}
      {state.status === 'error' && <p className="error" role="alert">{t('admin.impact.failed', { message: state.message })}</p>}
      {state.status === 'done' && (
        <>
          <p role="status" data-testid="impact-summary">
            {state.impact.moves.length === 0
              ? t('admin.impact.none', { count: state.impact.tickets })
              : t('admin.impact.summary', { count: state.impact.moves.length, tickets: new Set(state.impact.moves.map((m) => m.ticketId)).size, checked: state.impact.tickets })}
          </p>
          {state.impact.failed.length > 0 && <p className="error">{t('admin.impact.someFailed', { count: state.impact.failed.length, ids: state.impact.failed.map((f) => f.ticketId).join(', ') })}</p>}
          {state.impact.moves.length > 0 && (
            <table className="admin-table">
              <thead>
                <tr>
                  <th>{t('admin.impact.ticket')}</th>
                  <th>{t('admin.policy.clock')}</th>
                  <th>{t('admin.impact.oldTarget')}</th>
                  <th>{t('admin.impact.newTarget')}</th>
                  <th>{t('admin.impact.delta')}</th>
                </tr>
              </thead>
              <tbody>
                {state.impact.moves.slice(0, SHOWN).map((m) => (
                  <tr key={`${m.ticketId}:${m.clock}`} data-testid="impact-row" data-ticket-id={m.ticketId} data-clock={m.clock} data-delta={m.deltaMinutes}>
                    <td><a href={`#/ticket/${m.ticketId}`} onClick={(e) => (e.preventDefault(), navigate({ screen: 'ticket', id: m.ticketId }))}>{m.ticketId}</a></td>
                    <td>{t(`clocks.${m.clock}`)}</td>
                    <td>{fmt.format(m.oldTarget)}</td>
                    <td>{fmt.format(m.newTarget)}{m.newState === 'breached' && m.oldState !== 'breached' && <span className="chip clock-breached"> {t('clockState.breached')}</span>}</td>
                    <td className={m.deltaMinutes > 0 ? 'admin-later' : 'admin-earlier'}>{m.deltaMinutes > 0 ? '+' : ''}{formatMinutes(m.deltaMinutes, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {state.impact.moves.length > SHOWN && <p className="muted">{t('admin.impact.more', { count: state.impact.moves.length - SHOWN })}</p>}
        </>
      )}
    </section>
  );
}
