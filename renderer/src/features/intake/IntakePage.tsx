import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { catalogueOf, impactClasses, intakeChannels, intakeFormBaseSchema, intakeFormSchema, intakeTerms, ticketFromIntake, urgencies, type IntakeForm } from '../../../../shared/ticket';
import type { Customer } from '../../../../shared/directory';
import { impactOverride } from '../../../../shared/severity';
import { offeredProducts } from '../../../../shared/contract';
import { draftKey, restoreDraftValues, type Draft } from '../../../../shared/drafts';
import { useServices } from '../../app/services';
import { useMutations } from '../../app/mutations';
import { useSession } from '../../app/session';
import { useRouter } from '../../app/router';
import { useConfig } from '../../config/config-store';
import { migrateLegacyIntakeDraft } from '../../data';
import type { ServiceDeskDb } from '../../data/db';
import { DraftRestoredNotice, useDraftAutosave, useStoredDraft } from '../drafts';
import { Field } from './Field';
import { mintTicketId } from './next-ticket-id';
import { createTicketOnce } from './create-once';
import { errorKey } from './error-keys';
import { CatalogueFields, CustomerSitePickers } from './IntakePickers';
import { EDownQuestions, eDownRefusalText, IntakeTermsPanel } from './IntakeTerms';
import { useIntakePrefill } from './use-intake-prefill';
import './intake.css';

const emptyForm: IntakeForm = {
  customerId: '', channel: 'phone', title: '', description: '', contactName: '', contactEmail: '', contactPhone: '',
  productLine: '', product: '', productVersion: '', severity: '', impact: 'service_affecting', urgency: 'medium',
  company: '', contractNumber: '', productSerial: '', patchLevel: '', operatingSystem: '', configuration: '', database: '', serviceId: '',
  problemStartedAt: '', circuitId: '', intermittent: '', logs: '', ipAddress: '',
  siteId: '', assetId: '', severityOverrideReason: '',
  eDownReason: '', eDownUsersTotal: '', eDownUsersAffected: '', eDownSince: '', eDownActionsTaken: '', eDownTechnicalContact: '',
};
const optionalFields = ['company', 'contractNumber', 'productSerial', 'patchLevel', 'operatingSystem', 'database', 'serviceId', 'circuitId', 'ipAddress'] as const;
const INTAKE_DRAFT = draftKey('intake');
const moveLegacyDraft = (db: ServiceDeskDb) => migrateLegacyIntakeDraft(db, localStorage, Date.now());

/**
 * New ticket. The form opens once its kept draft and the customer list are read, so a restored
 * draft shows every field as typed, the customer and severity selects included.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const stored = useStoredDraft(INTAKE_DRAFT, moveLegacyDraft);
  const customers = useLiveQuery(() => db.customers.orderBy('name').toArray(), [db]);
  if (!stored.loaded || !customers) return <p className="muted">{t('app.loading')}</p>;
  return <IntakeFormView customers={customers} restored={stored.draft} />;
}

/**
 * Fields and which are required come from the policy of the customer's contract; the customer,
 * site and asset picked pre-fill the rest; works offline; the draft is kept in the local store.
 */
function IntakeFormView({ customers, restored }: { customers: Customer[]; restored: Draft | undefined }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const mutate = useMutations();
  const me = useSession((s) => s.session.userId);
  const navigate = useRouter((s) => s.navigate);
  const [saveError, setSaveError] = useState('');
  const [notice, setNotice] = useState(restored);

  const catalogue = useMemo(() => catalogueOf(config), [config]);
  // Retired products are not offered, except the one of the installed asset picked (still supported).
  const offeredFor = useCallback((assetId: string) => offeredProducts(catalogue, config.assets.get(assetId)?.productId), [catalogue, config]);
  const resolver: Resolver<IntakeForm> = useMemo(
    () => async (values, context, options) => {
      const now = Date.now();
      const terms = intakeTerms(values, config, now);
      const schema = terms ? intakeFormSchema(terms.policy, now, { entitlement: terms.entitlement, products: offeredFor(values.assetId), hasCatalogue: catalogue.length > 0 }) : intakeFormBaseSchema;
      return zodResolver(schema)(values, context, options);
    },
    [config, catalogue, offeredFor],
  );
  const form = useForm<IntakeForm>({ resolver, defaultValues: restoreDraftValues(emptyForm, restored?.values), mode: 'onSubmit' });
  const autosave = useDraftAutosave({ key: INTAKE_DRAFT, kind: 'intake', read: () => form.getValues(), empty: () => emptyForm, mintId: () => mintTicketId(db), createsId: restored?.createsId });
  useEffect(() => {
    const sub = form.watch(() => autosave.changed());
    return () => sub.unsubscribe();
  }, [form, autosave]);
  const { register, handleSubmit, formState, reset } = form;
  const values = useWatch({ control: form.control }) as IntakeForm;
  const { customerId, siteId } = values;
  const terms = useMemo(() => intakeTerms(values, config, Date.now()), [values, config]);
  const policy = terms?.policy;
  useIntakePrefill(form, config, policy);
  const required = new Set<string>(policy?.requiredIntakeFields ?? []);
  // A customer without a valid contract has no contract number to give.
  if (terms?.entitlement.terms === 'non_contract') required.delete('contractNumber');
  const eDownLevel = policy?.eDown?.enabled ? policy.eDown.levelId : undefined;
  const isEDown = eDownLevel !== undefined && values.severity === eDownLevel;
  const eDownRefused = isEDown ? eDownRefusalText(terms, values.channel, t) : undefined;
  const overrides = policy && values.severity ? impactOverride(policy, values.severity, values.impact) : undefined;
  // The severity options come with the customer's policy: show the kept choice once they exist.
  useEffect(() => {
    const severity = form.getValues('severity');
    if (severity) form.setValue('severity', severity);
  }, [policy, form]);
  const err = (name: keyof IntakeForm) => {
    const m = formState.errors[name]?.message;
    return m ? t(errorKey(m), { defaultValue: m }) : undefined;
  };

  const submit = handleSubmit(async (values) => {
    const now = Date.now();
    const at = intakeTerms(values, config, now);
    if (!at) return setSaveError(t('intake.noPolicy'));
    const id = (await autosave.ensureId()) ?? (await mintTicketId(db));
    // From here the draft belongs to the save: it is removed in the create's transaction.
    autosave.hold();
    const ticket = ticketFromIntake(values, { id, now, by: me, policy: at.policy, customer: at.customer, contractId: at.contractId });
    const reason = values.severityOverrideReason.trim();
    const r = await createTicketOnce(db, mutate, ticket, INTAKE_DRAFT, reason && impactOverride(at.policy, values.severity, values.impact) ? { reason } : undefined);
    if (r.kind === 'refused') {
      autosave.resume();
      autosave.changed();
      const why = r.refusal?.code === 'edown_at_intake' ? t(`intake.eDownWhy.${String(r.refusal.params.problem)}`, { channel: t(`intake.channels.${ticket.channel}`), number: ticket.intake.contractNumber ?? '', policy: at.policy.name }) : undefined;
      return setSaveError(why ?? r.message ?? t('intake.refused'));
    }
    navigate({ screen: 'ticket', id });
  });
  const discard = () => {
    setNotice(undefined);
    reset(emptyForm);
    void autosave.discard();
  };

  const input = (name: (typeof optionalFields)[number] | 'contactName' | 'contactEmail' | 'contactPhone' | 'productVersion', type = 'text') => (
    <Field key={name} name={name} required={required.has(name)} error={err(name)}>
      <input type={type} {...register(name)} aria-invalid={!!formState.errors[name]} />
    </Field>
  );

  return (
    <form className="intake" onSubmit={(e) => void submit(e)} onBlur={() => void autosave.flush()} noValidate aria-labelledby="intake-title">
      <header className="intake-header">
        <h1 id="intake-title">{t('intake.title')}</h1>
        <p className="muted">{t('intake.offlineHint')}</p>
      </header>
      {notice && <DraftRestoredNotice kind="intake" savedAt={notice.savedAt} onDiscard={discard} />}
      {Object.keys(formState.errors).length > 0 && (
        <p role="alert" className="error summary">{t('intake.fixErrors', { count: Object.keys(formState.errors).length })}</p>
      )}
      <fieldset>
        <legend>{t('intake.sections.customer')}</legend>
        <CustomerSitePickers form={form} config={config} customers={customers} err={err} customerId={customerId} siteId={siteId} />
        <Field name="channel" required>
          <select {...register('channel')}>
            {intakeChannels.map((c) => (
              <option key={c} value={c}>{t(`intake.channels.${c}`)}</option>
            ))}
          </select>
        </Field>
        {input('contactName')}
        {input('contactEmail', 'email')}
        {input('contactPhone', 'tel')}
        <IntakeTermsPanel terms={terms} values={values} config={config} />
      </fieldset>
      <fieldset>
        <legend>{t('intake.sections.problem')}</legend>
        <Field name="title" required error={err('title')} wide>
          <input {...register('title')} aria-invalid={!!formState.errors.title} />
        </Field>
        <Field name="description" required={required.has('description')} error={err('description')} wide>
          <textarea rows={4} {...register('description')} />
        </Field>
        <Field name="severity" required error={err('severity')}>
          <select {...register('severity')} aria-invalid={!!formState.errors.severity}>
            <option value="">{t('intake.chooseSeverity')}</option>
            {policy?.severityLevels.filter((l) => !l.aboveTop || l.id === eDownLevel).map((l) => (
              <option key={l.id} value={l.id}>{l.id} — {l.label}</option>
            ))}
          </select>
        </Field>
        {eDownRefused && <p role="alert" className="error wide" data-testid="edown-refused">{eDownRefused}</p>}
        {overrides !== undefined && (
          <Field name="severityOverrideReason" required error={err('severityOverrideReason')} wide>
            <input {...register('severityOverrideReason')} aria-invalid={!!formState.errors.severityOverrideReason} placeholder={t('intake.overridePlaceholder', { level: overrides })} />
          </Field>
        )}
        <Field name="impact" required>
          <select {...register('impact')}>
            {impactClasses.map((i) => (
              <option key={i} value={i}>{t(`impact.${i}`)}</option>
            ))}
          </select>
        </Field>
        <Field name="urgency" required>
          <select {...register('urgency')}>
            {urgencies.map((u) => (
              <option key={u} value={u}>{t(`urgency.${u}`)}</option>
            ))}
          </select>
        </Field>
        <Field name="problemStartedAt" required={required.has('problemStartedAt')} error={err('problemStartedAt')}>
          <input type="datetime-local" {...register('problemStartedAt')} />
        </Field>
        <Field name="intermittent" required={required.has('intermittent')} error={err('intermittent')}>
          <select {...register('intermittent')}>
            <option value="">—</option>
            <option value="intermittent">{t('intake.intermittent')}</option>
            <option value="permanent">{t('intake.permanent')}</option>
          </select>
        </Field>
      </fieldset>
      {isEDown && !eDownRefused && policy?.eDown && <EDownQuestions form={form} err={err} reasons={policy.eDown.qualifyingReasons} />}
      <fieldset>
        <legend>{t('intake.sections.product')}</legend>
        <CatalogueFields form={form} products={offeredFor(values.assetId)} hasCatalogue={catalogue.length > 0} err={err} productLine={values.productLine} required />
        {input('productVersion')}
        {optionalFields.map((f) => input(f))}
        <Field name="configuration" required={required.has('configuration')} error={err('configuration')} wide>
          <textarea rows={2} {...register('configuration')} />
        </Field>
        <Field name="logs" required={required.has('logs')} error={err('logs')} wide>
          <textarea rows={3} {...register('logs')} />
        </Field>
      </fieldset>
      {saveError && <p role="alert" className="error">{saveError}</p>}
      <div className="row">
        <button type="submit" className="primary">{t('intake.create')}</button>
        <button type="button" onClick={discard}>{t('intake.discard')}</button>
      </div>
    </form>
  );
}
