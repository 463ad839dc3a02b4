import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/dispatch';
import { useRouter } from '../../app/router';
import { useServices } from '../../app/services';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { exportVisitIcs, fallbackOrganizer, onSiteClock, PartsPanel } from '../dispatch';
import { TicketHistory } from './TicketHistory';
import { VisitWorkflow } from './VisitWorkflow';
import type { MyVisitsData } from './use-my-visits';
import { useTicketHistory } from './use-my-visits';
import { AttachmentList } from '../attachments';
import { severityText } from '../../i18n/vocabulary';

/** One visit for the engineer: ticket, site, contact, arrival clock, workflow, parts, history; step times in `zone`, the one the screen names. */
export function VisitDetail({ visit, data, zone, onError }: { visit: Visit; data: MyVisitsData; zone: string; onError: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const { host } = useServices();
  const config = useConfig();
  const now = useMinute();
  const navigate = useRouter((s) => s.navigate);
  const ticket = visit.ticketId !== undefined ? data.tickets.get(visit.ticketId) : undefined;
  const customer = data.customers.get(visit.customerId);
  const history = useTicketHistory(visit.ticketId);
  const clock = ticket ? onSiteClock(ticket, config, now) : undefined;
  const siteFmt = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: visit.site.timeZone, timeZoneName: 'short' });
  const names = new Map(data.engineers.map((e) => [e.id, e.name]));
  const ics = { customers: data.customers, tickets: data.tickets, engineers: data.engineers, organizerEmail: data.me?.email ?? fallbackOrganizer };
  return (
    <article className="visit-detail" aria-labelledby="visit-detail-title" data-testid="visit-detail" data-visit-id={visit.id}>
      <header>
        <h2 id="visit-detail-title">{customer?.name ?? visit.customerId} — {ticket?.title ?? t(`dispatch.kind.${visit.kind}`)}</h2>
        <p className="muted">{t(`dispatch.reason.${visit.reason}`)} · <span data-testid="my-visit-status">{t(`dispatch.status.${visit.status}`)}</span></p>
      </header>
      <dl className="facts">
        {visit.window && <div><dt>{t('visits.when')}</dt><dd>{siteFmt.formatRange(visit.window.start, visit.window.end)}</dd></div>}
        <div><dt>{t('visits.site')}</dt><dd>{visit.site.address || '—'} <span className="muted">({visit.site.timeZone}, {t('visits.localNow', { time: siteFmt.format(now) })})</span></dd></div>
        {ticket && (
          <>
            <div><dt>{t('visits.ticket')}</dt><dd><button type="button" className="link mono" onClick={() => navigate({ screen: 'ticket', id: ticket.id })}>{ticket.id}</button> · {t('visits.severity', { severity: severityText(t, ticket.severity) })} · {ticket.product} {ticket.productVersion}</dd></div>
            <div><dt>{t('visits.contact')}</dt><dd>{[ticket.contactName, ticket.contactPhone, ticket.contactEmail].filter((x) => x !== '').join(' · ') || '—'}</dd></div>
          </>
        )}
        {clock && (
          <div>
            <dt>{t('clocks.on_site_arrival')}</dt>
            <dd data-testid="visit-arrival-clock" data-state={clock.state}>
              {t(`clockState.${clock.state}`)}{clock.target !== undefined && ` · ${t('visits.deadline', { at: siteFmt.format(clock.target) })}`}
            </dd>
          </div>
        )}
      </dl>
      {visit.window && (
        <button type="button" onClick={() => exportVisitIcs(host, visit, ics).catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))}>{t('dispatch.exportIcs')}</button>
      )}
      <VisitWorkflow visit={visit} zone={zone} />
      <PartsPanel visit={visit} allowUse />
      {visit.ticketId !== undefined && <AttachmentList ticketId={visit.ticketId} owner={{ kind: 'visit', id: visit.id }} />}
      {ticket && (
        <section>
          <h3>{t('visits.history')}</h3>
          <TicketHistory events={history ?? []} names={names} zone={zone} />
        </section>
      )}
    </article>
  );
}
