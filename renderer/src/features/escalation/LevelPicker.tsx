import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LevelOption } from './escalation-draft';

/** The matrix's levels as radios: localized names, the ticket's reached levels marked, unreachable ones disabled with the reason. */
export function LevelPicker({ options, field }: { options: LevelOption[]; field: UseFormRegisterReturn }) {
  const { t } = useTranslation();
  return (
    <fieldset className="esc-levels">
      <legend>{t('escalation.level')}</legend>
      {options.map((o) => (
        <label key={o.level} className={o.blocked ? 'esc-level blocked' : 'esc-level'} data-testid="escalation-level-option" data-level={o.level}>
          <input type="radio" value={String(o.level)} disabled={o.blocked !== undefined} {...field} />
          <span>
            <b>{t('escalation.levelLabel', { level: o.level, name: o.name })}</b>
            {o.reached && <span className="chip">{t('escalation.reached')}</span>}
            {o.kind === 'customer_comment' && <span className="chip">{t('escalation.customerStepChip')}</span>}
            {o.blocked && <span className="muted esc-why">{t('escalation.blocked', { reason: o.blocked })}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
