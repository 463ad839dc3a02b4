import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { configDeadlineMoves } from '../../../../shared/calendar-io';
import type { Contract } from '../../../../shared/contract';
import { contractTiers } from '../../../../shared/directory';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { useConfig, type Config } from '../../config';
import { DeadlineImpactList, putConfigRow, type ImpactState } from '../admin';
import { useIsAdmin } from '../admin';
import { configWith, contractRowsOf, type ContractForm } from './contract-draft';
import { ModelTransfer } from './ModelTransfer';
import { useEscalationMatrices } from '../escalation';

const languages = ['en', 'zh-CN', 'zh-TW', 'bg'] as const;

/** The site fields for a customer: its first site, else a new main site in the customer's zone. */
function siteFieldsOf(config: Config, customerId: string, siteId?: string): Pick<ContractForm, 'siteId' | 'siteZone' | 'siteCalendarId'> {
  const customer = config.customers.get(customerId);
  const site = [...config.sites.values()].find((s) => (siteId ? s.id === siteId : s.customerId === customerId));
  return {
    siteId: site?.id ?? `site-${customerId.replace(/^cust-/, '')}-main`,
    siteZone: site?.timeZone ?? (customer && customer.site.timeZone !== 'UTC' ? customer.site.timeZone : 'UTC'),
    siteCalendarId: site?.calendarId ?? '',
  };
}

function formOf(config: Config, c: Contract | undefined): ContractForm {
  const customer = c ? config.customers.get(c.customerId) : [...config.customers.values()][0];
  const customerId = customer?.id ?? '';
  return {
    id: c?.id ?? `contract-${Date.now().toString(36)}`,
    number: c?.number ?? '',
    customerId,
    policyId: c?.policyId ?? customer?.policyId ?? '',
    tier: c?.tier ?? 'business_hours',
    validFrom: c?.validFrom ?? new Date().toISOString().slice(0, 10),
    validTo: c?.validTo ?? `${new Date().getFullYear() + 1}-12-31`,
    language: c?.language ?? 'en',
    ...siteFieldsOf(config, customerId, c?.siteIds[0]),
    hotline: c?.coverage.some((r) => r.combine === 'earliest') ?? false,
    escalationMatrixId: c?.escalationMatrixId ?? '',
    eDownEligible: c?.eDownEligible ?? false,
    rfoEligible: c?.rfoEligible ?? true,
    onSite: c?.onSite.included ?? true,
  };
}

/** Which open deadlines of the customer the unsaved contract would move (computed after typing stops). */
function useContractImpact(form: ContractForm | undefined): ImpactState {
  const { db } = useServices();
  const config = useConfig();
  const [state, setState] = useState<ImpactState>({ status: 'unchanged' });
  const key = form ? JSON.stringify(form) : '';
  useEffect(() => {
    if (!form) return setState({ status: 'unchanged' });
    const draft = contractRowsOf(form, config);
    if (!draft.ok) return setState({ status: 'unchanged' });
    let live = true;
    setState({ status: 'computing' });
    const timer = setTimeout(() => {
      db.tickets.where('customerId').equals(form.customerId).toArray()
        .then((tickets) => {
          const r = configDeadlineMoves(tickets, config, configWith(config, draft.contract, draft.site), Date.now());
          if (live) setState({ status: 'done', impact: { tickets: tickets.filter((t) => t.status !== 'closed').length, ...r } });
        })
        .catch((e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for the form's content; config changes re-run through its revision.
  }, [db, key, config.revision]); // eslint-disable-line react-hooks/exhaustive-deps
  return state;
}

/** Settings › Contracts: each customer's contract, its site's calendar and zone, with the deadlines a change moves. */
export function ContractSettings() {
  const { t } = useTranslation();
  const config = useConfig();
  const mutate = useMutations();
  const admin = useIsAdmin();
  const matrices = useEscalationMatrices();
  const [form, setForm] = useState<ContractForm | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const impact = useContractImpact(form);
  const contracts = [...config.contracts.values()].sort((a, b) => a.number.localeCompare(b.number));
  const set = <K extends keyof ContractForm>(k: K, v: ContractForm[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));

  const save = async () => {
    if (!form) return;
    const draft = contractRowsOf(form, config, new Set(matrices.map((m) => m.id)));
    if (!draft.ok) return setErrors(draft.errors);
    setErrors({});
    const site = await putConfigRow(mutate, 'sites', draft.site);
    const r = site.outcome === 'applied' ? await putConfigRow(mutate, 'contracts', draft.contract) : site;
    if (r.outcome === 'applied') {
      setMessage({ kind: 'ok', text: t('contracts.settings.saved', { number: draft.contract.number }) });
      setForm(undefined);
    } else setMessage({ kind: 'error', text: r.message ?? '' });
  };

  // The label points at its control by id: a label wrapping a <select> would take in every option's text.
  const field = (k: keyof ContractForm, label: string, input: ReactNode) => (
    <div className="field" key={k}>
      <label htmlFor={`contract-${k}`}>{label}</label>
      {input}
      {errors[k] && <span className="error" role="alert" data-testid={`contract-error-${k}`}>{errors[k]}</span>}
    </div>
  );
  const text = (k: 'number' | 'validFrom' | 'validTo' | 'siteZone', label: string, type = 'text') =>
    field(k, label, <input type={type} id={`contract-${k}`} name={k} value={form?.[k] ?? ''} onChange={(e) => set(k, e.target.value)} />);
  const check = (k: 'hotline' | 'eDownEligible' | 'rfoEligible' | 'onSite', label: string) => (
    <label className="field-check" key={k}><input type="checkbox" name={k} checked={form?.[k] ?? false} onChange={(e) => set(k, e.target.checked)} /> {label}</label>
  );

  return (
    <section className="settings-section" aria-labelledby="contracts-title">
      <h2 id="contracts-title">{t('contracts.settings.title')}</h2>
      <p className="muted">{t('contracts.settings.explain')}</p>
      {!admin && <p className="muted">{t('contracts.settings.adminOnly')}</p>}
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>{message.text}</p>}
      {contracts.length === 0 ? <p className="muted">{t('contracts.settings.none')}</p> : (
        <table className="admin-table" data-testid="contract-list">
          <thead><tr><th>{t('contracts.settings.columns.number')}</th><th>{t('contracts.settings.columns.customer')}</th><th>{t('contracts.settings.columns.policy')}</th><th>{t('contracts.settings.columns.valid')}</th><th>{t('contracts.settings.columns.site')}</th><th /></tr></thead>
          <tbody>
            {contracts.map((c) => {
              const site = config.sites.get(c.siteIds[0] ?? '');
              return (
                <tr key={c.id} data-contract={c.number}>
                  <td>{c.number}{c.illustrative && <span className="chip"> {t('contracts.illustrative')}</span>}</td>
                  <td>{config.customers.get(c.customerId)?.name ?? c.customerId}</td>
                  <td>{config.policies.get(c.policyId)?.name ?? c.policyId}</td>
                  <td>{c.validFrom} – {c.validTo}</td>
                  <td>{site ? `${site.name} (${site.timeZone})` : '—'}</td>
                  <td>{admin && <button type="button" onClick={() => (setForm(formOf(config, c)), setErrors({}), setMessage(undefined))}>{t('contracts.settings.edit')}</button>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {admin && !form && <button type="button" onClick={() => (setForm(formOf(config, undefined)), setErrors({}), setMessage(undefined))}>{t('contracts.settings.new')}</button>}
      {form && (
        <form className="contract-form" aria-label={t('contracts.settings.title')} onSubmit={(e) => (e.preventDefault(), void save())}>
          {text('number', t('contracts.settings.number'))}
          {field('customerId', t('contracts.settings.customer'), (
            <select id="contract-customerId" name="customerId" value={form.customerId} onChange={(e) => setForm({ ...form, ...siteFieldsOf(config, e.target.value), customerId: e.target.value })}>
              {[...config.customers.values()].map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          ))}
          {field('policyId', t('contracts.settings.policy'), (
            <select id="contract-policyId" name="policyId" value={form.policyId} onChange={(e) => set('policyId', e.target.value)}>
              {[...config.policies.values()].map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          ))}
          {field('tier', t('contracts.settings.tier'), (
            <select id="contract-tier" name="tier" value={form.tier} onChange={(e) => set('tier', e.target.value as ContractForm['tier'])}>
              {contractTiers.map((x) => <option key={x} value={x}>{t(`contracts.tier.${x}`)}</option>)}
            </select>
          ))}
          {text('validFrom', t('contracts.settings.validFrom'), 'date')}
          {text('validTo', t('contracts.settings.validTo'), 'date')}
          {field('language', t('contracts.settings.language'), (
            <select id="contract-language" name="language" value={form.language} onChange={(e) => set('language', e.target.value as ContractForm['language'])}>
              {languages.map((l) => <option key={l} value={l}>{t(`contracts.language.${l}`)}</option>)}
            </select>
          ))}
          {text('siteZone', t('contracts.settings.siteZone'))}
          {field('siteCalendarId', t('contracts.settings.siteCalendar'), (
            <select id="contract-siteCalendarId" name="siteCalendarId" value={form.siteCalendarId} onChange={(e) => set('siteCalendarId', e.target.value)}>
              <option value="">{t('contracts.settings.policyCalendar')}</option>
              {[...config.calendarNames].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          ))}
          {field('escalationMatrixId', t('contracts.settings.matrix'), (
            <select id="contract-escalationMatrixId" name="escalationMatrixId" value={form.escalationMatrixId} onChange={(e) => set('escalationMatrixId', e.target.value)}>
              <option value="">{t('contracts.settings.policyMatrix')}</option>
              {matrices.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          ))}
          {check('hotline', t('contracts.settings.hotline'))}
          {check('eDownEligible', t('contracts.settings.eDown'))}
          {check('rfoEligible', t('contracts.settings.rfo'))}
          {check('onSite', t('contracts.settings.onSite'))}
          <DeadlineImpactList state={impact} />
          <div className="form-actions">
            <button type="submit">{t('contracts.settings.save')}</button>
            <button type="button" onClick={() => (setForm(undefined), setErrors({}))}>{t('contracts.settings.cancel')}</button>
          </div>
        </form>
      )}
      <ModelTransfer />
    </section>
  );
}
