import { useTranslation } from 'react-i18next';
import { Controller, useWatch, type Control, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { intakeFieldNames, type PolicyInput } from '../../../../shared/policy';
import { clockKinds } from '../../../../shared/sla';
import { impactClasses, urgencies } from '../../../../shared/ticket';
import { FieldError } from './FieldError';
import { NumberListField } from './NumberListField';

type Props = { control: Control<PolicyInput>; register: UseFormRegister<PolicyInput>; errorsAt: (path: string, exact?: boolean) => string[] };

/** Warning thresholds and which clocks pause while the ticket waits for the customer. */
export function PolicyClockRules({ control, errorsAt }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('admin.policy.clockRules')}</legend>
      <label>
        {t('admin.policy.thresholds')}
        <NumberListField control={control} name="warningThresholds" label={t('admin.policy.thresholds')} invalid={errorsAt('warningThresholds').length > 0} />
        <span className="muted">{t('admin.policy.thresholdsHint')}</span>
        <FieldError messages={errorsAt('warningThresholds')} />
      </label>
      <Controller
        control={control}
        name="pauseWhileWaitingCustomer"
        render={({ field }) => {
          const value = field.value ?? {};
          return (
            <div role="group" aria-label={t('admin.policy.pauses')} className="admin-checks">
              <span>{t('admin.policy.pauses')}</span>
              {clockKinds.map((k) => (
                <label key={k} className="admin-check">
                  <input
                    type="checkbox"
                    checked={value[k] === true}
                    onChange={(e) => {
                      const next = { ...value };
                      if (e.target.checked) next[k] = true;
                      else delete next[k];
                      field.onChange(next);
                    }}
                  />
                  {t(`clocks.${k}`)}
                </label>
              ))}
            </div>
          );
        }}
      />
    </fieldset>
  );
}

/** The impact × urgency matrix: each cell picks one of the policy's priorities. */
export function PolicyMatrix({ control, register, errorsAt }: Props) {
  const { t } = useTranslation();
  const priorities = useWatch({ control, name: 'priorities' });
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('admin.policy.matrix')}</legend>
      <table className="admin-table admin-matrix">
        <thead>
          <tr>
            <th>{t('admin.policy.impactUrgency')}</th>
            {urgencies.map((u) => (
              <th key={u}>{t(`urgency.${u}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {impactClasses.map((i) => (
            <tr key={i}>
              <th>{t(`impact.${i}`)}</th>
              {urgencies.map((u) => (
                <td key={u}>
                  <select aria-label={t('admin.policy.matrixCell', { impact: t(`impact.${i}`), urgency: t(`urgency.${u}`) })} {...register(`priorityMatrix.${i}.${u}`)}>
                    {(priorities ?? []).map((p) => (
                      <option key={p.id} value={p.id}>{p.label}</option>
                    ))}
                  </select>
                  <FieldError messages={errorsAt(`priorityMatrix.${i}.${u}`)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <FieldError messages={errorsAt('priorityMatrix', true)} />
    </fieldset>
  );
}

/** Intake fields the policy requires, and E-Down on/off where the policy defines an E-Down rule. */
export function PolicyIntake({ control, register, setValue, errorsAt }: Props & { setValue: UseFormSetValue<PolicyInput> }) {
  const { t } = useTranslation();
  const eDown = useWatch({ control, name: 'eDown' });
  const retarget = useWatch({ control, name: 'retargetOnSeverityChange' });
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('admin.policy.intake')}</legend>
      <Controller
        control={control}
        name="requiredIntakeFields"
        render={({ field }) => {
          const value = field.value ?? [];
          return (
            <div role="group" aria-label={t('admin.policy.requiredFields')} className="admin-checks">
              <span>{t('admin.policy.requiredFields')}</span>
              {intakeFieldNames.map((f) => (
                <label key={f} className="admin-check">
                  <input type="checkbox" checked={value.includes(f)} onChange={(e) => field.onChange(e.target.checked ? intakeFieldNames.filter((x) => x === f || value.includes(x)) : value.filter((x) => x !== f))} />
                  {t(`admin.intakeFields.${f}`)}
                </label>
              ))}
            </div>
          );
        }}
      />
      <FieldError messages={errorsAt('requiredIntakeFields')} />
      {eDown ? (
        <label className="admin-check">
          <input type="checkbox" {...register('eDown.enabled')} />
          {t('admin.policy.eDownEnabled', { level: eDown.levelId })}
        </label>
      ) : (
        <p className="muted">{t('admin.policy.eDownNone')}</p>
      )}
      <FieldError messages={errorsAt('eDown')} />
      <label>
        {t('admin.policy.retarget')}
        <select
          aria-label={t('admin.policy.retarget')}
          value={retarget?.from ?? 'start'}
          onChange={(e) => setValue('retargetOnSeverityChange', { from: e.target.value === 'change' ? 'change' : 'start', why: retarget?.why ?? '' }, { shouldDirty: true, shouldValidate: true })}
        >
          <option value="start">{t('admin.policy.retargetStart')}</option>
          <option value="change">{t('admin.policy.retargetChange')}</option>
        </select>
      </label>
      <label className="wide">
        {t('admin.policy.retargetWhy')}
        <input value={retarget?.why ?? ''} onChange={(e) => setValue('retargetOnSeverityChange', { from: retarget?.from ?? 'start', why: e.target.value }, { shouldDirty: true, shouldValidate: true })} />
      </label>
      <FieldError messages={errorsAt('retargetOnSeverityChange')} />
    </fieldset>
  );
}
