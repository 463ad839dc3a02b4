import { useTranslation } from 'react-i18next';
import type { BusinessCalendar, Weekday } from '../../../../shared/sla';
import { FieldError } from './FieldError';
import { RangesInput } from './RangesInput';

const order: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Weekly opening hours, several ranges per day (a lunch break is two ranges). */
export function WeekHoursEditor({ week, onChange, errorsAt }: { week: BusinessCalendar['week']; onChange: (w: BusinessCalendar['week']) => void; errorsAt: (path: string) => string[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('admin.calendar.week')}</legend>
      <table className="admin-table">
        <tbody>
          {order.map((d) => {
            const errors = errorsAt(`calendar.week.${d}`);
            const label = t(`admin.weekdays.${d}`);
            return (
              <tr key={d} data-day={d}>
                <th scope="row">{label}</th>
                <td><RangesInput label={label} ranges={week[d]} invalid={errors.length > 0} onChange={(r) => onChange({ ...week, [d]: r })} /></td>
                <td><FieldError messages={errors} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
