import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createServiceVisit, type ServiceVisitKind } from '../../../../shared/dispatch';
import type { Ticket } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { useConfig } from '../../config/config-store';
import { useVisitMutation } from './use-visit-mutation';

const kinds: ServiceVisitKind[] = ['installation', 'training'];

/**
 * Requests an installation or a training visit for a customer (from a ticket, or for any customer on
 * the board): an unscheduled visit at one of the customer's sites, under its valid contract, which the
 * dispatcher then books like a fault visit and the engineer reports the same way.
 */
export function ServiceVisitRequest({ ticket }: { ticket?: Ticket }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const by = useSession((s) => s.session.userId);
  const { create, error, busy } = useVisitMutation();
  const customers = useLiveQuery(() => db.customers.toArray(), [db]);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ServiceVisitKind>('installation');
  const [customerId, setCustomerId] = useState(ticket?.customerId ?? '');
  const [siteId, setSiteId] = useState('');
  const [done, setDone] = useState('');
  if (!customers) return null;
  const customer = customers.find((c) => c.id === customerId);
  const sites = [...config.sites.values()].filter((s) => s.customerId === customerId);
  const site = sites.find((s) => s.id === siteId) ?? sites[0];
  const today = new Date().toISOString().slice(0, 10);
  const contract = [...config.contracts.values()].find((c) => c.customerId === customerId && c.validFrom <= today && today <= c.validTo);
  const submit = async () => {
    if (!customer) return;
    const ok = await create(createServiceVisit({
      id: `visit-${kind}-${crypto.randomUUID()}`,
      kind,
      customerId: customer.id,
      site: site ? { address: site.address, timeZone: site.timeZone } : customer.site,
      region: site?.region ?? customer.region,
      ...(ticket ? { ticketId: ticket.id, productLine: ticket.productLine } : {}),
      ...(contract ? { contractId: contract.id } : {}),
      now: Date.now(),
      by,
    }));
    if (ok) {
      setDone(t('dispatch.serviceRequested', { kind: t(`dispatch.kind.${kind}`), customer: customer.name }));
      setOpen(false);
    }
  };
  if (!open) {
    return (
      <>
        <button type="button" onClick={() => (setOpen(true), setDone(''))}>{t('dispatch.requestService')}</button>
        {done && <span className="muted" role="status" data-testid="service-requested">{done}</span>}
      </>
    );
  }
  return (
    <form className="service-request row" aria-label={t('dispatch.requestService')} onSubmit={(e) => (e.preventDefault(), void submit())}>
      <label>
        <span>{t('dispatch.serviceKind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as ServiceVisitKind)}>
          {kinds.map((k) => <option key={k} value={k}>{t(`dispatch.kind.${k}`)}</option>)}
        </select>
      </label>
      {!ticket && (
        <label>
          <span>{t('dispatch.customer')}</span>
          <select value={customerId} onChange={(e) => (setCustomerId(e.target.value), setSiteId(''))} required>
            <option value="">{t('dispatch.chooseCustomer')}</option>
            {customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      )}
      {sites.length > 0 && (
        <label>
          <span>{t('dispatch.site')}</span>
          <select value={site?.id ?? ''} onChange={(e) => setSiteId(e.target.value)}>
            {sites.map((s) => <option key={s.id} value={s.id}>{s.name} — {s.address}</option>)}
          </select>
        </label>
      )}
      {customer && <span className="muted" data-testid="service-contract">{contract ? t('dispatch.underContract', { number: contract.number }) : t('dispatch.noContract')}</span>}
      <button type="submit" className="primary" disabled={busy || !customer}>{t('dispatch.requestVisit')}</button>
      <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
      {error && <span className="error" role="alert">{t('dispatch.refused', { message: error })}</span>}
    </form>
  );
}
