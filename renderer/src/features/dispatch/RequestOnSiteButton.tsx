import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { useConfig } from '../../config/config-store';
import { handRequestedVisit, isLiveVisit } from './request-on-site';
import { useVisitMutation } from './use-visit-mutation';
import { parseVisitRows } from './visit-rows';

const closedStatuses = new Set(['resolved', 'confirmed', 'closed']);

/** "Request on-site visit" for the ticket page: an unscheduled fault visit for the dispatcher; starts the arrival clock. */
export function RequestOnSiteButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const by = useSession((s) => s.session.userId);
  const { create, error, busy } = useVisitMutation();
  const found = useLiveQuery(async () => {
    const [rows, customer] = await Promise.all([db.visits.where('ticketId').equals(ticket.id).toArray(), db.customers.get(ticket.customerId)]);
    return { visits: parseVisitRows(rows), customer };
  }, [db, ticket.id, ticket.customerId]);
  if (!found) return null;
  const live = found.visits.find(isLiveVisit);
  if (live) return <span className="chip" data-testid="on-site-requested">{t('dispatch.onSiteRequested', { status: t(`dispatch.status.${live.status}`) })}</span>;
  const customer = found.customer;
  const request = async () => {
    if (!customer) return;
    await create(handRequestedVisit(ticket, customer, found.visits, config, Date.now(), by));
  };
  return (
    <>
      <button type="button" disabled={busy || !customer || closedStatuses.has(ticket.status)} onClick={() => void request()}>{t('dispatch.requestOnSite')}</button>
      {error && <span className="error" role="alert">{t('dispatch.refused', { message: error })}</span>}
    </>
  );
}
