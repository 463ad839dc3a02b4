import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { impactClasses, intakeChannels, intakeFormBaseSchema, intakeFormSchema, ticketFromIntake, urgencies, type IntakeForm } from '../../../../shared/ticket';
import type { Customer } from '../../../../shared/directory';
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
import './intake.css';

const emptyForm: IntakeForm = {
  customerId: '', channel: 'phone', title: '', description: '', contactName: '', contactEmail: '', contactPhone: '',
  productLine: '', product: '', productVersion: '', severity: '', impact: 'service_affecting', urgency: 'medium',
  company: '', contractNumber: '', productSerial: '', patchLevel: '', operatingSystem: '', configuration: '', database: '', serviceId: '',
  problemStartedAt: '', circuitId: '', intermittent: '', logs: '', ipAddress: '',
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

/** Fields and which are required come from the customer's policy; works offline; the draft is kept in the local store. */
function IntakeFormView({ customers, restored }: { customers: Customer[]; restored: Draft | undefined }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const mutate = useMutations();
  const me = useSession((s) => s.session.userId);
  const navigate = useRouter((s) => s.navigate);
  const productLines = useLiveQuery(() => db.tickets.orderBy('productLine').uniqueKeys(), [db]);
  const [saveError, setSaveError] = useState('');
  const [notice, setNotice] = useState(restored);

  const resolver: Resolver<IntakeForm> = useMemo(
    () => async (values, context, options) => {
      const customer = customers.find((c) => c.id === values.customerId);
      const policy = customer && config.policies.get(customer.policyId);
      const schema = policy ? intakeFormSchema(policy, Date.now()) : intakeFormBaseSchema;
      return zodResolver(schema)(values, context, options);
    },
    [customers, config],
  );
  const form = useForm<IntakeForm>({ resolver, defaultValues: restoreDraftValues(emptyForm, restored?.values), mode: 'onSubmit' });
  const autosave = useDraftAutosave({ key: INTAKE_DRAFT, kind: 'intake', read: () => form.getValues(), empty: () => emptyForm, mintId: () => mintTicketId(db), createsId: restored?.createsId });
  useEffect(() => {
    const sub = form.watch(() => autosave.changed());
    return () => sub.unsubscribe();
  }, [form, autosave]);
  const { register, handleSubmit, formState, reset } = form;
  const customerId = useWatch({ control: form.control, name: 'customerId' });
  const customer = customers.find((c) => c.id === customerId);
  const policy = customer ? config.policies.get(customer.policyId) : undefined;
  const required = new Set<string>(policy?.requiredIntakeFields ?? []);
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
    if (!customer || !policy) return setSaveError(t('intake.noPolicy'));
    const id = (await autosave.ensureId()) ?? (await mintTicketId(db));
    // From here the draft belongs to the save: it is removed in the create's transaction.
    autosave.hold();
    const ticket = ticketFromIntake(values, { id, now: Date.now(), by: me, policy, customer });
    const r = await createTicketOnce(db, mutate, ticket, INTAKE_DRAFT);
    if (r.kind === 'refused') {
      autosave.resume();
      autosave.changed();
      return setSaveError(r.message ?? t('intake.refused'));
    }
    navigate({ screen: 'ticket', id });
  });
  const discard = () => {
    setNotice(undefined);
    reset(emptyForm);
    void autosave.discard();
  };

  const input = (name: (typeof optionalFields)[number] | 'contactName' | 'contactEmail' | 'contactPhone' | 'productVersion' | 'product', type = 'text') => (
    <Field key={name} name={name} required={required.has(name) || name === 'product'} error={err(name)}>
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
        <Field name="customerId" required error={err('customerId')}>
          <select {...register('customerId')} aria-invalid={!!formState.errors.customerId}>
            <option value="">{t('intake.chooseCustomer')}</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </Field>
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
            {policy?.severityLevels.filter((l) => !l.aboveTop).map((l) => (
              <option key={l.id} value={l.id}>{l.id} — {l.label}</option>
            ))}
          </select>
        </Field>
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
      <fieldset>
        <legend>{t('intake.sections.product')}</legend>
        <Field name="productLine" required error={err('productLine')}>
          <input list="product-lines" {...register('productLine')} aria-invalid={!!formState.errors.productLine} />
        </Field>
        <datalist id="product-lines">
          {(productLines ?? []).map((p) => (
            <option key={String(p)} value={String(p)} />
          ))}
        </datalist>
        {input('product')}
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
