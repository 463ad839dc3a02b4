import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { eDownAnswersSchema, eDownReasons, impactClasses, urgencies, type Ticket } from '../../../../shared/ticket';
import { describeZodError } from '../../../../shared/ipc/contract';
import type { Customer } from '../../../../shared/directory';
import { applySeverityFields, severityChangeFormSchema, whatIfSeverity, type SeverityChangeForm } from '../../../../shared/severity';
import { useConfig } from '../../config/config-store';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { WhatIfTable } from './WhatIfTable';
import { priorityText } from '../../i18n/vocabulary';

/**
 * Change severity, impact and urgency with a required reason; shows the priority before and after
 * and every clock's new target before saving — computed by the same function the severity command
 * saves with, so the preview is what gets written. E-Down (where the policy offers it) needs its
 * questionnaire. `customer` gives the contract tier whose priority floor the command keeps.
 */
export function SeverityEditor({ ticket, customer, onClose }: { ticket: Ticket; customer?: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const config = useConfig();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const policy = config.policies.get(ticket.policyId);
  const schema = useMemo(() => (policy ? severityChangeFormSchema(ticket, policy) : undefined), [ticket, policy]);
  const form = useForm<SeverityChangeForm>({
    resolver: schema ? zodResolver(schema) : undefined,
    defaultValues: { severity: ticket.severity, impact: ticket.impact, urgency: ticket.urgency, reason: '' },
  });
  const { register, handleSubmit, formState, setError, control } = form;
  const watched = useWatch({ control });
  if (!policy) return <p role="alert">{t('severity.noPolicy', { id: ticket.policyId })}</p>;

  const isEDown = policy.eDown?.enabled && watched.severity === policy.eDown.levelId;
  const change = { severity: watched.severity ?? ticket.severity, impact: watched.impact ?? ticket.impact, urgency: watched.urgency ?? ticket.urgency };
  const tier = customer?.id === ticket.customerId ? customer.contractTier : undefined;
  const now = Date.now();
  const priority = applySeverityFields(ticket, change, { policy, tier }, now).priority;
  let preview: ReturnType<typeof whatIfSeverity> = [];
  try {
    preview = whatIfSeverity(ticket, change, policy, config.calendars, now, tier);
  } catch {
    preview = [];
  }

  const submit = handleSubmit(async (values) => {
    // The form checked the draft against the policy's questionnaire; the mutation stores complete answers only.
    const eDown = isEDown ? eDownAnswersSchema.safeParse(values.eDown) : undefined;
    if (eDown && !eDown.success) return setError('eDown', { message: describeZodError(eDown.error) });
    const r = await mutate('ticket.changeSeverity@2', { ticketId: ticket.id, severity: values.severity, impact: values.impact, urgency: values.urgency, reason: values.reason, ...(eDown ? { eDown: eDown.data } : {}) });
    if (r.outcome === 'applied') onClose();
    else setError('root', { message: outcomeText(r, t('severity.refused')) });
  });

  const levels = policy.severityLevels.filter((l) => !l.aboveTop || policy.eDown?.enabled);
  const err = formState.errors;
  return (
    <form className="severity-editor" onSubmit={(e) => void submit(e)} aria-label={t('severity.title')} noValidate>
      <div className="grid3">
        <label>
          {t('severity.severity')}
          <select aria-label={t('severity.severity')} {...register('severity')}>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>{l.id} — {l.label}</option>
            ))}
          </select>
        </label>
        <label>
          {t('severity.impact')}
          <select aria-label={t('severity.impact')} {...register('impact')}>
            {impactClasses.map((i) => (
              <option key={i} value={i}>{t(`impact.${i}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('severity.urgency')}
          <select aria-label={t('severity.urgency')} {...register('urgency')}>
            {urgencies.map((u) => (
              <option key={u} value={u}>{t(`urgency.${u}`)}</option>
            ))}
          </select>
        </label>
      </div>
      <p>
        {t('severity.resultingPriority')}: <strong data-testid="whatif-priority">{t('severity.priorityChange', { from: priorityText(t, ticket.priority), to: priorityText(t, priority) })}</strong>
      </p>
      {isEDown && (
        <fieldset className="edown" aria-label={t('edown.title')}>
          <legend>{t('edown.title')}</legend>
          <label>
            {t('edown.reason')}
            <select {...register('eDown.reason', { setValueAs: (v: string) => v || undefined })}>
              <option value="">{t('bulk.choose')}</option>
              {eDownReasons.filter((r) => policy.eDown?.qualifyingReasons.includes(r)).map((r) => (
                <option key={r} value={r}>{t(`edown.reasons.${r}`)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('edown.usersTotal')}
            <input type="number" min={1} {...register('eDown.usersTotal', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })} />
          </label>
          <label>
            {t('edown.usersAffected')}
            <input type="number" min={0} {...register('eDown.usersAffected', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })} />
          </label>
          <label>
            {t('edown.downSince')}
            <input type="datetime-local" {...register('eDown.downSince', { setValueAs: (v: string) => (v ? new Date(v).getTime() : undefined) })} />
          </label>
          <label className="wide">
            {t('edown.actionsTaken')}
            <textarea rows={2} {...register('eDown.actionsTaken')} />
          </label>
          <label className="wide">
            {t('edown.technicalContact')}
            <input {...register('eDown.technicalContact')} />
          </label>
          {err.eDown?.message && (
            <ul role="alert" className="error" data-testid="edown-missing">
              {String(err.eDown.message)
                .split('\n')
                .map((m) => (
                  <li key={m}>{m}</li>
                ))}
            </ul>
          )}
        </fieldset>
      )}
      <label className="wide">
        {t('severity.reason')}
        <input aria-label={t('severity.reason')} {...register('reason')} aria-invalid={!!err.reason} />
      </label>
      {err.reason && <p role="alert" className="error">{t('severity.reasonRequired')}</p>}
      <h3>{t('severity.whatIf')}</h3>
      <WhatIfTable rows={preview} />
      {err.root?.message && <p role="alert" className="error">{err.root.message}</p>}
      <div className="row">
        <button type="submit" className="primary">{t('severity.save')}</button>
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
