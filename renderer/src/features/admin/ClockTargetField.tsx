import { useTranslation } from 'react-i18next';
import { useWatch, type Control, type UseFormRegister, type UseFormRegisterReturn, type UseFormSetValue } from 'react-hook-form';
import { clockUnits, type PolicyInput } from '../../../../shared/policy';
import { FieldError } from './FieldError';
import { NumberListField } from './NumberListField';
import { DurationInput } from './DurationInput';

export const targetClocks = ['first_response', 'online_resolution', 'on_site_arrival', 'resolution', 'rfo'] as const;
export type TargetClock = (typeof targetClocks)[number];

type Props = {
  level: number;
  control: Control<PolicyInput>;
  register: UseFormRegister<PolicyInput>;
  setValue: UseFormSetValue<PolicyInput>;
  calendars: ReadonlyArray<{ id: string; name: string }>;
  errorsAt: (path: string, exact?: boolean) => string[];
};

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** One clock of a severity level: on/off, unit, value, and an optional calendar of its own. */
export function ClockTargetField({ level, kind, control, register, setValue, calendars, errorsAt }: Props & { kind: TargetClock }) {
  const { t } = useTranslation();
  const path = `severityLevels.${level}.targets.${kind}` as const;
  const target = useWatch({ control, name: path });
  const on = target !== undefined;
  const clock = t(`clocks.${kind}`);
  return (
    <tr data-clock={kind}>
      <td>
        <label className="admin-check">
          <input type="checkbox" checked={on} onChange={(e) => setValue(path, e.target.checked ? { unit: 'business_minutes', value: 60 } : undefined, { shouldDirty: true, shouldValidate: true })} />
          {clock}
        </label>
      </td>
      {on ? (
        <>
          <td>
            <select aria-label={t('admin.policy.unitOf', { clock })} {...register(`${path}.unit`)}>
              {clockUnits.map((u) => (
                <option key={u} value={u}>{t(`admin.units.${u}`)}</option>
              ))}
            </select>
          </td>
          <td>
            {/* Minutes are typed as hours or days; working days stay a plain count of days. */}
            {target.unit === 'working_days' ? (
              <input type="number" min={1} step={1} aria-label={t('admin.policy.valueOf', { clock })} {...register(`${path}.value`, { valueAsNumber: true })} />
            ) : (
              <DurationInput key={target.unit} control={control} name={`${path}.value`} allowDays={target.unit === 'elapsed_minutes'} label={t('admin.policy.valueOf', { clock })} />
            )}
          </td>
          <td>
            <ClockCalendarSelect clock={clock} calendars={calendars} registration={register(`${path}.calendarId`, { setValueAs: emptyToUndefined })} />
          </td>
          <td><FieldError messages={errorsAt(path)} /></td>
        </>
      ) : (
        <td colSpan={4} className="muted">{t('admin.policy.noTarget')}</td>
      )}
    </tr>
  );
}

/** The update cadence of a level: unit and the steps (the last one repeats). */
export function CadenceField({ level, control, register, setValue, calendars, errorsAt }: Props) {
  const { t } = useTranslation();
  const path = `severityLevels.${level}.targets.update_cadence` as const;
  const target = useWatch({ control, name: path });
  const clock = t('clocks.update_cadence');
  return (
    <tr data-clock="update_cadence">
      <td>
        <label className="admin-check">
          <input type="checkbox" checked={target !== undefined} onChange={(e) => setValue(path, e.target.checked ? { unit: 'elapsed_minutes', steps: [60] } : undefined, { shouldDirty: true, shouldValidate: true })} />
          {clock}
        </label>
      </td>
      {target !== undefined ? (
        <>
          <td>
            <select aria-label={t('admin.policy.unitOf', { clock })} {...register(`${path}.unit`)}>
              <option value="business_minutes">{t('admin.units.business_minutes')}</option>
              <option value="elapsed_minutes">{t('admin.units.elapsed_minutes')}</option>
            </select>
          </td>
          <td>
            <NumberListField control={control} name={`${path}.steps`} label={t('admin.policy.cadenceSteps')} invalid={errorsAt(`${path}.steps`).length > 0} />
          </td>
          <td>
            <ClockCalendarSelect clock={clock} calendars={calendars} registration={register(`${path}.calendarId`, { setValueAs: emptyToUndefined })} />
          </td>
          <td><FieldError messages={errorsAt(path)} /></td>
        </>
      ) : (
        <td colSpan={4} className="muted">{t('admin.policy.noTarget')}</td>
      )}
    </tr>
  );
}

/** Which calendar a clock runs on: the level's own unless one is chosen here. */
function ClockCalendarSelect({ clock, calendars, registration }: { clock: string; calendars: Props['calendars']; registration: UseFormRegisterReturn }) {
  const { t } = useTranslation();
  return (
    <select aria-label={t('admin.policy.calendarOf', { clock })} {...registration}>
      <option value="">{t('admin.policy.levelCalendar')}</option>
      {calendars.map((c) => (
        <option key={c.id} value={c.id}>{c.name}</option>
      ))}
    </select>
  );
}
