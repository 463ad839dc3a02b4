import { useTranslation } from 'react-i18next';
import { allowedVisitActions, arrivalState, findScheduleClashes, type Visit } from '../../../../shared/dispatch';
import { useRouter } from '../../app/router';
import { useServices } from '../../app/services';
import { useMinute } from '../../app/use-now';
import { useBoard } from './board-store';
import { exportVisitIcs, type IcsSources } from './ics-export';
import { PartsPanel } from './PartsPanel';
import type { DispatchData } from './use-visits';
import { visitTitle } from './visit-labels';
import { useOpenVisitConflicts } from './use-visit-conflicts';
import { actorName, visitEntryText } from './visit-history-text';

/** The selected visit on the board: when and who, clashes, reschedule/cancel, parts, .ics, history. */
export function VisitPanel({ visit, data, ics, onError }: { visit: Visit; data: DispatchData; ics: IcsSources; onError: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const { host } = useServices();
  const navigate = useRouter((s) => s.navigate);
  const now = useMinute();
  const { zone, set } = useBoard();
  const allowed = allowedVisitActions(visit);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const siteFmt = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', timeZone: visit.site.timeZone, timeZoneName: 'short' });
  const engineer = data.engineers.find((e) => e.id === visit.engineerId);
  const clashes = findScheduleClashes(data.visits).filter((c) => c.first.id === visit.id || c.second.id === visit.id);
  const arrival = arrivalState(visit, now);
  const disputed = useOpenVisitConflicts().has(visit.id);
  const names = new Map(data.engineers.map((e) => [e.id, e.name]));
  return (
    <aside className="visit-panel" aria-labelledby="visit-panel-title" data-testid="visit-panel" data-visit-id={visit.id}>
      <header className="row">
        <h2 id="visit-panel-title">{visitTitle(visit, data.customers, data.tickets, t(`dispatch.kind.${visit.kind}`))}</h2>
        <button type="button" className="link" onClick={() => set({ selectedVisitId: undefined })} aria-label={t('common.close')}>×</button>
      </header>
      <dl className="facts">
        <div><dt>{t('dispatch.statusLabel')}</dt><dd data-testid="visit-status">{t(`dispatch.status.${visit.status}`)}</dd></div>
        <div><dt>{t('dispatch.reasonLabel')}</dt><dd>{t(`dispatch.reason.${visit.reason}`)}</dd></div>
        <div><dt>{t('dispatch.engineer')}</dt><dd>{engineer?.name ?? '—'}</dd></div>
        {visit.window && (
          <div>
            <dt>{t('dispatch.window')}</dt>
            <dd>{fmt.formatRange(visit.window.start, visit.window.end)} <span className="muted">({t('dispatch.siteTime', { from: siteFmt.format(visit.window.start), to: siteFmt.format(visit.window.end) })})</span></dd>
          </div>
        )}
        {visit.travelBufferMinutes > 0 && <div><dt>{t('dispatch.travel')}</dt><dd>{visit.travelBufferMinutes}</dd></div>}
        <div><dt>{t('dispatch.site')}</dt><dd>{visit.site.address} <span className="muted">{visit.site.timeZone}</span></dd></div>
        {arrival.state !== 'no_deadline' && <div><dt>{t('dispatch.arrival')}</dt><dd data-testid="visit-arrival" data-state={arrival.state}>{t(`dispatch.arrivalState.${arrival.state}`, { at: fmt.format(arrival.deadline) })}</dd></div>}
      </dl>
      {clashes.length > 0 && (
        <div className="error" role="alert">
          {clashes.map((c) => {
            const other = c.first.id === visit.id ? c.second : c.first;
            return <p key={other.id}>{t('dispatch.clashWith', { visit: other.id, at: other.window ? fmt.format(other.window.start) : '' })}</p>;
          })}
        </div>
      )}
      {disputed && (
        <div className="error row" role="alert" data-testid="visit-conflict">
          <p>{t('dispatch.visitConflictHelp')}</p>
          <button type="button" onClick={() => navigate({ screen: 'settings', section: 'sync' })}>{t('dispatch.decideConflict')}</button>
        </div>
      )}
      <div className="row visit-actions">
        {allowed.includes('reschedule') && <button type="button" onClick={() => set({ booking: { visitId: visit.id, mode: 'reschedule' } })}>{t('dispatch.reschedule')}</button>}
        {allowed.includes('schedule') && <button type="button" onClick={() => set({ booking: { visitId: visit.id, mode: 'schedule' } })}>{t('dispatch.book')}</button>}
        {allowed.includes('cancel') && <button type="button" onClick={() => set({ cancelVisitId: visit.id })}>{t('dispatch.cancelVisit')}</button>}
        {visit.window && (
          <button type="button" onClick={() => exportVisitIcs(host, visit, ics).catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))}>{t('dispatch.exportIcs')}</button>
        )}
        {visit.ticketId && <button type="button" className="link" onClick={() => navigate({ screen: 'ticket', id: visit.ticketId ?? '' })}>{t('dispatch.openTicket')}</button>}
      </div>
      <PartsPanel visit={visit} />
      <h3>{t('dispatch.history')}</h3>
      <ol className="visit-history">
        {visit.history.map((h, i) => (
          <li key={i}>
            <span className="muted">{fmt.format(h.at)} · {actorName(h.by, names, t('timeline.system'))}</span> {visitEntryText(h.action, h.detail, t, names, (x) => fmt.format(x))}
          </li>
        ))}
      </ol>
    </aside>
  );
}
