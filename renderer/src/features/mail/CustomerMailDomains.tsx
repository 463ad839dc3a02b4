import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { checkCustomerMailDomains } from '../../../../shared/mail';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { useServices } from '../../app/services';
import { useConfig } from '../../config';
import { getActor } from '../../data';

/**
 * Settings › Mail: the domains and addresses each customer's mail comes from. The support mailbox
 * files a new mail under the customer whose entry matches the sender (an exact address before a
 * domain); a sender nobody lists goes to the triage queue. Saved like any change: offline it
 * waits in the outbox and reaches the server, and so the mailbox, at the next sync.
 */
export function CustomerMailDomains() {
  const { t } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const actor = useLiveQuery(() => getActor(db), [db]);
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const customers = [...config.customers.values()].sort((a, b) => a.name.localeCompare(b.name));
  const [chosen, setChosen] = useState<string>();
  const customer = config.customers.get(chosen ?? '') ?? customers[0];
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string }>();
  const [busy, setBusy] = useState(false);
  if (!customer) return null;
  const text = drafts[customer.id] ?? (customer.emailDomains ?? []).join('\n');
  const isAdmin = actor?.role === 'admin';

  async function save() {
    if (!customer) return;
    const check = checkCustomerMailDomains(customer.id, text.split(/[\s,;]+/), customers);
    if (!check.ok) {
      setMessage({ kind: 'error', text: check.code === 'mail_domain_taken' ? t('mail.domains.taken', { entry: check.entry, customer: check.customer }) : t('mail.domains.syntax', { entry: check.entry }) });
      return;
    }
    setBusy(true);
    try {
      const r = await mutate('config.put@1', { table: 'customers', row: { ...customer, emailDomains: check.entries } });
      if (r.outcome !== 'applied') {
        setMessage({ kind: 'error', text: outcomeText(r, t('mail.domains.notSaved')) });
        return;
      }
      setDrafts((d) => ({ ...d, [customer.id]: check.entries.join('\n') }));
      setMessage({ kind: 'saved', text: t('mail.domains.saved', { customer: customer.name, count: check.entries.length }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="mail-domains-title" data-testid="customer-mail-domains">
      <h2 id="mail-domains-title">{t('mail.domains.title')}</h2>
      <p className="muted">{t('mail.domains.explain')}</p>
      <label htmlFor="mail-domains-customer">{t('mail.domains.customer')}</label>
      <select
        id="mail-domains-customer"
        value={customer.id}
        onChange={(e) => {
          setChosen(e.target.value);
          setMessage(undefined);
        }}
      >
        {customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
      <label htmlFor="mail-domains-entries">{t('mail.domains.entries')}</label>
      <textarea
        id="mail-domains-entries"
        rows={4}
        value={text}
        readOnly={!isAdmin}
        onChange={(e) => {
          setDrafts((d) => ({ ...d, [customer.id]: e.target.value }));
          setMessage(undefined);
        }}
      />
      {isAdmin ? (
        <button type="button" disabled={busy} onClick={() => void save()}>{t('mail.domains.save')}</button>
      ) : (
        <p className="muted">{t('mail.domains.adminOnly')}</p>
      )}
      {message && <p className={message.kind === 'error' ? 'error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
