import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { policySchema, type Policy, type PolicyInput } from '../../../../shared/policy';
import { useMutations } from '../../app/mutations';
import { useConfig } from '../../config/config-store';
import { putConfigRow } from './config-mutations';
import { FieldError } from './FieldError';
import { flattenFormErrors } from './field-errors';
import { PolicyLevels } from './PolicyLevels';
import { PolicyPreview } from './PolicyPreview';
import { PolicyClockRules, PolicyIntake, PolicyMatrix } from './PolicyRules';
import { IssueList } from './IssueList';
import { useLeaveGuard } from '../../app/use-leave-guard';
import { zodErrorText } from './validation-text';
import { firstSeverityOrderViolation, severityOrderText } from './severity-order-check';

type Props = {
  policy: Policy;
  isNew: boolean;
  readOnly: boolean;
  onSaved: (p: Policy) => void;
};

/** The whole policy as one form validated by policySchema; nothing is stored until Save succeeds. */
export function PolicyEditor({ policy, isNew, readOnly, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const mutate = useMutations();
  const config = useConfig();
  const [status, setStatus] = useState<string | undefined>(undefined);
  // Zod's own messages come out in the administrator's language (the error map of this parse).
  const form = useForm<PolicyInput, unknown, Policy>({ resolver: zodResolver(policySchema, { error: zodErrorText(t) }), defaultValues: policy, mode: 'onChange' });
  const { register, control, setValue, handleSubmit, formState, setError, reset } = form;
  const draft = useWatch({ control });
  useLeaveGuard(formState.isDirty && !readOnly);
  const issues = flattenFormErrors(formState.errors);
  const errorsAt = (path: string, exact = false) => issues.filter((i) => i.path === path || (!exact && i.path.startsWith(`${path}.`))).map((i) => i.message);
  const calendars = [...config.calendarNames.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));

  const submit = handleSubmit(async (values) => {
    setStatus(undefined);
    const violation = firstSeverityOrderViolation(values, config);
    if (violation) return setError('root', { message: severityOrderText(violation, values, t, i18n.language) });
    const r = await putConfigRow(mutate, 'policies', values);
    if (r.outcome === 'applied') {
      reset(values);
      setStatus(t('admin.saved'));
      onSaved(values);
    } else setError('root', { message: r.message ?? t('admin.refused') });
  });

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('admin.policy.formLabel', { name: policy.name })}>
      <fieldset disabled={readOnly} className="admin-plain">
        <div className="admin-grid">
          <label>
            {t('admin.policy.id')}
            <input {...register('id')} readOnly={!isNew} aria-invalid={errorsAt('id').length > 0 || undefined} />
            <FieldError messages={errorsAt('id')} />
          </label>
          <label>
            {t('admin.policy.name')}
            <input {...register('name')} aria-invalid={errorsAt('name').length > 0 || undefined} />
            <FieldError messages={errorsAt('name')} />
          </label>
          <label>
            {t('admin.policy.defaultCalendar')}
            <select {...register('calendarId')}>
              {calendars.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
            <FieldError messages={errorsAt('calendarId')} />
          </label>
        </div>
        <label className="admin-wide">
          {t('admin.policy.description')}
          <textarea rows={2} {...register('description')} />
        </label>
        <PolicyLevels control={control} register={register} setValue={setValue} calendars={calendars} errorsAt={errorsAt} />
        <PolicyClockRules control={control} register={register} errorsAt={errorsAt} />
        <PolicyMatrix control={control} register={register} errorsAt={errorsAt} />
        <PolicyIntake control={control} register={register} setValue={setValue} errorsAt={errorsAt} />
      </fieldset>
      <PolicyPreview draft={draft} />
      {issues.length > 0 && formState.submitCount > 0 && <IssueList issues={issues} testId="policy-errors" />}
      <div className="admin-actions admin-sticky">
        {!readOnly && <button type="submit" className="primary" disabled={formState.isSubmitting}>{t('admin.policy.save')}</button>}
        {formState.isDirty && <span className="muted">{t('admin.unsaved')}</span>}
        {status && !formState.isDirty && <span className="admin-ok" role="status">{status}</span>}
      </div>
    </form>
  );
}
