import { useTranslation } from 'react-i18next';
import { useFieldArray, type Control, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import type { PolicyInput } from '../../../../shared/policy';
import { CadenceField, ClockTargetField, targetClocks } from './ClockTargetField';
import { FieldError } from './FieldError';

type Props = {
  control: Control<PolicyInput>;
  register: UseFormRegister<PolicyInput>;
  setValue: UseFormSetValue<PolicyInput>;
  calendars: ReadonlyArray<{ id: string; name: string }>;
  errorsAt: (path: string, exact?: boolean) => string[];
};

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** Severity levels, most severe first, each with its clock targets. */
export function PolicyLevels(props: Props) {
  const { t } = useTranslation();
  const { control, register, errorsAt, calendars } = props;
  // keyName: the levels have an `id` field of their own.
  const { fields, append, remove, move } = useFieldArray({ control, name: 'severityLevels', keyName: 'key' });
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('admin.policy.levels')}</legend>
      <FieldError messages={errorsAt('severityLevels', true)} />
      {fields.map((f, i) => (
        <div key={f.key} className="admin-level" data-testid="policy-level">
          <div className="admin-grid">
            <label>
              {t('admin.policy.levelId')}
              <input {...register(`severityLevels.${i}.id`)} aria-invalid={errorsAt(`severityLevels.${i}.id`).length > 0 || undefined} />
              <FieldError messages={errorsAt(`severityLevels.${i}.id`)} />
            </label>
            <label>
              {t('admin.policy.levelLabel')}
              <input {...register(`severityLevels.${i}.label`)} aria-invalid={errorsAt(`severityLevels.${i}.label`).length > 0 || undefined} />
              <FieldError messages={errorsAt(`severityLevels.${i}.label`)} />
            </label>
            <label>
              {t('admin.policy.levelCalendarField')}
              <select {...register(`severityLevels.${i}.calendarId`, { setValueAs: emptyToUndefined })}>
                <option value="">{t('admin.policy.policyCalendar')}</option>
                {calendars.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </label>
            <label className="admin-check">
              <input type="checkbox" {...register(`severityLevels.${i}.aboveTop`)} />
              {t('admin.policy.aboveTop')}
              <FieldError messages={errorsAt(`severityLevels.${i}.aboveTop`)} />
            </label>
          </div>
          <label className="admin-wide">
            {t('admin.policy.levelDescription')}
            <textarea rows={2} {...register(`severityLevels.${i}.description`)} />
          </label>
          <table className="admin-table">
            <thead>
              <tr>
                <th>{t('admin.policy.clock')}</th>
                <th>{t('admin.policy.unit')}</th>
                <th>{t('admin.policy.value')}</th>
                <th>{t('admin.policy.calendar')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              <ClockTargetField {...props} level={i} kind="first_response" />
              <CadenceField {...props} level={i} />
              {targetClocks.filter((k) => k !== 'first_response').map((k) => (
                <ClockTargetField key={k} {...props} level={i} kind={k} />
              ))}
            </tbody>
          </table>
          <div className="admin-actions">
            <button type="button" disabled={i === 0} onClick={() => move(i, i - 1)}>{t('admin.policy.moveUp')}</button>
            <button type="button" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>{t('admin.policy.moveDown')}</button>
            <button type="button" disabled={fields.length <= 1} onClick={() => remove(i)}>{t('admin.policy.removeLevel')}</button>
          </div>
        </div>
      ))}
      <button type="button" onClick={() => append({ id: String(fields.length + 1), label: t('admin.policy.newLevelLabel', { n: fields.length + 1 }), description: '', aboveTop: false, targets: { first_response: { unit: 'business_minutes', value: 480 } }, firstResponseByChannel: {} })}>
        {t('admin.policy.addLevel')}
      </button>
    </fieldset>
  );
}
