import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { eDownAnswersSchema, eDownReasons, impactClasses, urgencies, type Ticket } from '../../../../shared/ticket';
import { describeZodError } from '../../../../shared/ipc/contract';
import type { Customer } from '../../../../shared/directory';
import { applySeverityFields, eDownProblems, impactOverride, severityForImpact, severityChangeFormSchema, whatIfSeverity, type EDownProblem, type SeverityChangeForm } from '../../../../shared/severity';
import { useConfig } from '../../config/config-store';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { WhatIfTable } from './WhatIfTable';
import { SaveConsequences } from './SaveConsequences';
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
  // After the first Save, every missing answer is listed at once and the list follows the typing.
  const problems = isEDown && formState.submitCount > 0 ? eDownProblems(ticket, watched.eDown, policy, { atCreation: false, channel: ticket.channel }) : [];
  const missing = new Set(problems.map(problemField));
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
          <select
            aria-label={t('severity.impact')}
            {...register('impact', {
              // Where severity follows the impact class, a new impact brings the severity it gives.
              onChange: (e: { target: { value: string } }) => {
                const derived = policy && severityForImpact(policy, e.target.value as Ticket['impact']);
                if (derived) form.setValue('severity', derived);
              },
            })}
          >
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
            <select aria-invalid={missing.has('reason')} {...register('eDown.reason', { setValueAs: (v: string) => v || undefined })}>
              <option value="">{t('bulk.choose')}</option>
              {eDownReasons.filter((r) => policy.eDown?.qualifyingReasons.includes(r)).map((r) => (
                <option key={r} value={r}>{t(`edown.reasons.${r}`)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('edown.usersTotal')}
            <input aria-invalid={missing.has('usersTotal')} type="number" min={1} {...register('eDown.usersTotal', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })} />
          </label>
          <label>
            {t('edown.usersAffected')}
            <input aria-invalid={missing.has('usersAffected')} type="number" min={0} {...register('eDown.usersAffected', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })} />
          </label>
          <label>
            {t('edown.downSince')}
            <input aria-invalid={missing.has('downSince')} type="datetime-local" {...register('eDown.downSince', { setValueAs: (v: string) => (v ? new Date(v).getTime() : undefined) })} />
          </label>
          <label className="wide">
            {t('edown.actionsTaken')}
            <textarea aria-invalid={missing.has('actionsTaken')} rows={2} {...register('eDown.actionsTaken')} />
          </label>
          <label className="wide">
            {t('edown.technicalContact')}
            <input aria-invalid={missing.has('technicalContact')} {...register('eDown.technicalContact')} />
          </label>
          {(problems.length > 0 || err.eDown?.message) && (
            <ul role="alert" className="error" data-testid="edown-missing">
              {problems.length > 0
                ? problems.map((p) => <li key={p.code}>{eDownProblemText(p, t)}</li>)
                : String(err.eDown?.message ?? '')
                    .split('\n')
                    .map((m) => <li key={m}>{m}</li>)}
            </ul>
          )}
        </fieldset>
      )}
      {(() => {
        const derived = impactOverride(policy, change.severity, change.impact);
        return derived ? <p className="muted" data-testid="impact-override">{t('intake.editorOverrideHint', { derived })}</p> : null;
      })()}
      <label className="wide">
        {t('severity.reason')}
        <input aria-label={t('severity.reason')} {...register('reason')} aria-invalid={!!err.reason} />
      </label>
      {err.reason && <p role="alert" className="error">{t('severity.reasonRequired')}</p>}
      <h3>{t('severity.whatIf')}</h3>
      <WhatIfTable rows={preview} />
      <SaveConsequences ticket={ticket} change={change} tier={tier} now={now} />
      {err.root?.message && <p role="alert" className="error">{err.root.message}</p>}
      <div className="row">
        <button type="submit" className="primary">{t('severity.save')}</button>
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

/** The questionnaire field a problem is about, to mark it invalid. */
function problemField(p: EDownProblem): string {
  switch (p.code) {
    case 'reason_missing':
    case 'reason_not_qualifying':
      return 'reason';
    case 'users_total':
      return 'usersTotal';
    case 'users_affected':
    case 'users_affected_above_total':
      return 'usersAffected';
    case 'actions_taken':
      return 'actionsTaken';
    case 'down_since':
      return 'downSince';
    case 'technical_contact':
      return 'technicalContact';
    default:
      return '';
  }
}

/** A problem in the user's language. */
function eDownProblemText(p: EDownProblem, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (p.code) {
    case 'reason_missing':
      return t('edown.problems.reason_missing', { reasons: p.reasons.map((r) => t(`edown.reasons.${r}`)).join('; ') });
    case 'reason_not_qualifying':
      return t('edown.problems.reason_not_qualifying', { reason: t(`edown.reasons.${p.reason}`), policy: p.policy });
    case 'ticket_done':
      return t('edown.problems.ticket_done', { status: t(`status.${p.status}`) });
    case 'not_at_creation':
      return t('edown.problems.not_at_creation', { channel: t(`intake.channels.${p.channel}`) });
    case 'not_offered':
      return t('edown.problems.not_offered', { policy: p.policy });
    case 'users_affected_above_total':
      return t('edown.problems.users_affected_above_total', { affected: p.affected, total: p.total });
    default:
      return t(`edown.problems.${p.code}`);
  }
}
