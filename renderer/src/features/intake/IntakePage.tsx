import { useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { impactClasses, intakeChannels, intakeFormBaseSchema, intakeFormSchema, ticketFromIntake, urgencies, type IntakeForm } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { useMutations } from '../../app/mutations';
import { useSession } from '../../app/session';
import { useRouter } from '../../app/router';
import { useConfig } from '../../config/config-store';
import { Field } from './Field';
import { clearIntakeDraft, loadIntakeDraft, useIntakeDraftAutosave } from './use-intake-draft';
import { mintTicketId } from './next-ticket-id';
import { errorKey } from './error-keys';
import './intake.css';

const emptyForm: IntakeForm = {
  customerId: '', channel: 'phone', title: '', description: '', contactName: '', contactEmail: '', contactPhone: '',
  productLine: '', product: '', productVersion: '', severity: '', impact: 'service_affecting', urgency: 'medium',
  company: '', contractNumber: '', productSerial: '', patchLevel: '', operatingSystem: '', configuration: '', database: '', serviceId: '',
  problemStartedAt: '', circuitId: '', intermittent: '', logs: '', ipAddress: '',
};
const optionalFields = ['company', 'contractNumber', 'productSerial', 'patchLevel', 'operatingSystem', 'database', 'serviceId', 'circuitId', 'ipAddress'] as const;

/** New ticket: fields and which are required come from the customer's policy; works offline; the draft is kept. */
export function IntakePage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const mutate = useMutations();
  const me = useSession((s) => s.session.userId);
  const navigate = useRouter((s) => s.navigate);
  const customers = useLiveQuery(() => db.customers.orderBy('name').toArray(), [db]);
  const productLines = useLiveQuery(() => db.tickets.orderBy('productLine').uniqueKeys(), [db]);
  const [saveError, setSaveError] = useState('');

  const resolver: Resolver<IntakeForm> = useMemo(
    () => async (values, context, options) => {
      const customer = customers?.find((c) => c.id === values.customerId);
      const policy = customer && config.policies.get(customer.policyId);
      const schema = policy ? intakeFormSchema(policy, Date.now()) : intakeFormBaseSchema;
      return zodResolver(schema)(values, context, options);
    },
    [customers, config],
  );
  const form = useForm<IntakeForm>({ resolver, defaultValues: { ...emptyForm, ...loadIntakeDraft() }, mode: 'onSubmit' });
  useIntakeDraftAutosave(form);
  const { register, handleSubmit, formState, reset } = form;
  const customerId = useWatch({ control: form.control, name: 'customerId' });
  const customer = customers?.find((c) => c.id === customerId);
  const policy = customer ? config.policies.get(customer.policyId) : undefined;
  const required = new Set<string>(policy?.requiredIntakeFields ?? []);
  const err = (name: keyof IntakeForm) => {
    const m = formState.errors[name]?.message;
    return m ? t(errorKey(m), { defaultValue: m }) : undefined;
  };

  const submit = handleSubmit(async (values) => {
    if (!customer || !policy) return setSaveError(t('intake.noPolicy'));
    const id = await mintTicketId(db);
    const ticket = ticketFromIntake(values, { id, now: Date.now(), by: me, policy, customer });
    const r = await mutate('ticket.create@1', { ticket });
    if (r.outcome !== 'applied') return setSaveError(r.message ?? t('intake.refused'));
    clearIntakeDraft();
    reset(emptyForm);
    navigate({ screen: 'ticket', id });
  });

  const input = (name: (typeof optionalFields)[number] | 'contactName' | 'contactEmail' | 'contactPhone' | 'productVersion' | 'product', type = 'text') => (
    <Field key={name} name={name} required={required.has(name) || name === 'product'} error={err(name)}>
      <input type={type} {...register(name)} aria-invalid={!!formState.errors[name]} />
    </Field>
  );

  return (
    <form className="intake" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="intake-title">
      <header className="intake-header">
        <h1 id="intake-title">{t('intake.title')}</h1>
        <p className="muted">{t('intake.offlineHint')}</p>
      </header>
      {Object.keys(formState.errors).length > 0 && (
        <p role="alert" className="error summary">{t('intake.fixErrors', { count: Object.keys(formState.errors).length })}</p>
      )}
      <fieldset>
        <legend>{t('intake.sections.customer')}</legend>
        <Field name="customerId" required error={err('customerId')}>
          <select {...register('customerId')} aria-invalid={!!formState.errors.customerId}>
            <option value="">{t('intake.chooseCustomer')}</option>
            {customers?.map((c) => (
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
        <button type="button" onClick={() => (clearIntakeDraft(), reset(emptyForm))}>{t('intake.discard')}</button>
      </div>
    </form>
  );
}
