import { useTranslation } from 'react-i18next';
import type { UseFormReturn } from 'react-hook-form';
import { eDownAtIntakeProblem } from '../../../../shared/contract';
import { eDownReasons, ticketFromIntake, type IntakeForm, type IntakeTerms } from '../../../../shared/ticket';
import { ticketClocks } from '../../../../shared/sla';
import type { Config } from '../../config/config-store';
import { EntitlementFacts } from '../contracts';
import { Field } from './Field';

/**
 * The terms the ticket will get, shown while it is being logged: the contract (or the flag that
 * there is none and which terms apply instead), the site's zone and language, and the first
 * response this channel and severity are promised, in the site's time.
 */
export function IntakeTermsPanel({ terms, values, config }: { terms: IntakeTerms | undefined; values: IntakeForm; config: Config }) {
  const { t, i18n } = useTranslation();
  if (!terms) return null;
  const { entitlement } = terms;
  let due: number | undefined;
  if (values.severity) {
    const now = Date.now();
    const probe = ticketFromIntake(values, { id: 'SD-NEW', now, by: '', policy: terms.policy, customer: terms.customer, contractId: terms.contractId });
    due = ticketClocks(probe, config, now).clocks.find((c) => c.kind === 'first_response')?.target;
  }
  const zone = entitlement.timeZone;
  // dateStyle cannot be combined with timeZoneName: the parts are named one by one.
  const fmt = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', ...(zone ? { timeZone: zone, timeZoneName: 'short' } : {}) });
  const notServed = entitlement.channels.length > 0 && !entitlement.channels.includes(values.channel);
  return (
    <div className="intake-terms wide" data-testid="intake-terms">
      <EntitlementFacts entitlement={entitlement} />
      {entitlement.terms === 'non_contract' && <p className="muted">{t('intake.nonContractNumber')}</p>}
      {notServed && <p role="alert" className="error" data-testid="channel-not-served">{t('intake.channelNotServed', { channel: t(`intake.channels.${values.channel}`) })}</p>}
      {due !== undefined && (
        <p data-testid="intake-first-response">{t('intake.firstResponseDue', { time: fmt.format(due) })}</p>
      )}
    </div>
  );
}

/** Why E-Down cannot be chosen now, shown as soon as it is picked (the same rule the server applies). */
export function eDownRefusalText(terms: IntakeTerms | undefined, channel: IntakeForm['channel'], t: (k: string, o?: Record<string, unknown>) => string): string | undefined {
  if (!terms) return undefined;
  const p = eDownAtIntakeProblem(terms.entitlement, channel);
  if (!p) return undefined;
  return t(`intake.eDownWhy.${p.code}`, { ...p, ...(p.code === 'channel' ? { channel: t(`intake.channels.${p.channel}`) } : {}) });
}

type Err = (name: keyof IntakeForm) => string | undefined;

/** The E-Down questionnaire, asked on the call when the engineer sets E-Down for an eligible customer. */
export function EDownQuestions({ form, err, reasons }: { form: UseFormReturn<IntakeForm>; err: Err; reasons: readonly string[] }) {
  const { t } = useTranslation();
  const { register } = form;
  return (
    <fieldset className="edown" data-testid="intake-edown">
      <legend>{t('edown.title')}</legend>
      <Field name="eDownReason" required error={err('eDownReason')} wide>
        <select {...register('eDownReason')}>
          <option value="">{t('intake.chooseSeverity')}</option>
          {eDownReasons.filter((r) => reasons.includes(r)).map((r) => (
            <option key={r} value={r}>{t(`edown.reasons.${r}`)}</option>
          ))}
        </select>
      </Field>
      <Field name="eDownUsersTotal" required error={err('eDownUsersTotal')}>
        <input type="number" min={1} {...register('eDownUsersTotal')} />
      </Field>
      <Field name="eDownUsersAffected" required error={err('eDownUsersAffected')}>
        <input type="number" min={0} {...register('eDownUsersAffected')} />
      </Field>
      <Field name="eDownSince" required error={err('eDownSince')}>
        <input type="datetime-local" {...register('eDownSince')} />
      </Field>
      <Field name="eDownActionsTaken" required error={err('eDownActionsTaken')} wide>
        <textarea rows={2} {...register('eDownActionsTaken')} />
      </Field>
      <Field name="eDownTechnicalContact" required error={err('eDownTechnicalContact')} wide>
        <input {...register('eDownTechnicalContact')} />
      </Field>
    </fieldset>
  );
}
