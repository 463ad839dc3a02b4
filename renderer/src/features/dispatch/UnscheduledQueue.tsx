import { useTranslation } from 'react-i18next';
import { sortUnscheduled, type Visit } from '../../../../shared/dispatch';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { formatMinutes } from '../clocks';
import { liveDeadlineOf } from './deadlines';
import { useBoard } from './board-store';
import type { DispatchData } from './use-visits';
import { visitTitle } from './visit-labels';

/** Data transfer type of a dragged visit (HTML5 drag and drop onto a board cell). */
export const visitDragType = 'application/x-service-desk-visit';

/** Visits without a window, most urgent arrival deadline first; drag one onto the board or book it with the form. */
export function UnscheduledQueue({ data }: { data: DispatchData }) {
  const { t, i18n } = useTranslation();
  const now = useMinute();
  const config = useConfig();
  const setBoard = useBoard((s) => s.set);
  const zone = useBoard((s) => s.zone);
  const deadlineOf = liveDeadlineOf(data.tickets, config, now);
  const queue = sortUnscheduled(data.visits, deadlineOf);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const row = (v: Visit) => {
    const deadline = deadlineOf(v);
    const left = deadline === undefined ? undefined : (deadline - now) / 60_000;
    return (
      <li
        key={v.id}
        className="unscheduled-item"
        data-testid="unscheduled-visit"
        data-visit-id={v.id}
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(visitDragType, v.id);
          e.dataTransfer.setData('text/plain', v.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
      >
        <div className="unscheduled-head">
          <span className={`chip reason reason-${v.reason}`} data-testid="visit-reason">{t(`dispatch.reason.${v.reason}`)}</span>
          {v.ticketId && <span className="mono">{v.ticketId}</span>}
        </div>
        <div className="unscheduled-title">{visitTitle(v, data.customers, data.tickets, t(`dispatch.kind.${v.kind}`))}</div>
        {deadline === undefined || left === undefined ? (
          <div className="muted">{t('dispatch.noDeadline')}</div>
        ) : (
          <div className={left < 0 ? 'deadline overdue' : 'deadline'} data-testid="visit-deadline" data-deadline={deadline}>
            {t('dispatch.arriveBy', { at: fmt.format(deadline) })}
            {' · '}
            <span data-testid="visit-countdown">{left < 0 ? t('dispatch.overdueBy', { time: formatMinutes(-left, i18n.language) }) : t('dispatch.timeLeft', { time: formatMinutes(left, i18n.language) })}</span>
          </div>
        )}
        <div className="unscheduled-actions">
          <button type="button" onClick={() => setBoard({ booking: { visitId: v.id, mode: 'schedule' } })}>{t('dispatch.book')}</button>
          <button type="button" onClick={() => setBoard({ cancelVisitId: v.id })}>{t('dispatch.cancelVisit')}</button>
        </div>
      </li>
    );
  };
  return (
    <section className="unscheduled" aria-labelledby="unscheduled-title">
      <h2 id="unscheduled-title">{t('dispatch.unscheduled', { count: queue.length })}</h2>
      {queue.length === 0 ? <p className="muted">{t('dispatch.noUnscheduled')}</p> : <ol className="unscheduled-list">{queue.map(row)}</ol>}
    </section>
  );
}
