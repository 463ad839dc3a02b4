import { useTranslation } from 'react-i18next';
import { localizedLabel, pickEscalationLocale, type AutoRule, type EscalationLevel, type EscalationMatrix, type RoutingRow } from '../../../../shared/escalation';
import { priorityText, severityText } from '../../i18n/vocabulary';
import { IllustrativeMark } from './IllustrativeMark';

function Rule({ rule }: { rule: AutoRule }) {
  const { t } = useTranslation();
  const when =
    rule.trigger.kind === 'clock_breached'
      ? t('escalation.settings.autoClock', { clock: t(`clocks.${rule.trigger.clock}`) })
      : t('escalation.settings.autoAge', { hours: Math.round((rule.trigger.minutes / 60) * 10) / 10, severity: severityText(t, rule.trigger.severity) });
  const raise = rule.raisePriorityTo;
  const raiseText = raise === 'top' ? t('escalation.settings.raiseTop') : raise === 'next' ? t('escalation.settings.raiseNext') : raise ? t('escalation.settings.raise', { priority: priorityText(t, raise) }) : '';
  return (
    <li>
      {when}
      {raiseText ? ` · ${raiseText}` : ''}
      {rule.illustrative ? <> · <IllustrativeMark what="value" /></> : null}
    </li>
  );
}

function Rows({ rows }: { rows: RoutingRow[] }) {
  const { t } = useTranslation();
  return (
    <table className="esc-rows">
      <thead>
        <tr><th>{t('escalation.settings.keys')}</th><th>{t('escalation.settings.contacts')}</th><th>{t('escalation.settings.mailbox')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.keys.join('|')}>
            <td>{r.label ? <b>{r.label} </b> : null}<span className="mono">{r.keys.join(', ')}</span></td>
            <td>{r.contacts.map((c) => `${c.name}${c.email ? ` <${c.email}>` : ''}`).join('; ')}</td>
            <td className="mono">{r.mailbox ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Level({ level, n }: { level: EscalationLevel; n: number }) {
  const { t, i18n } = useTranslation();
  const locale = pickEscalationLocale(i18n.language);
  return (
    <li className="esc-level-def" data-level-id={level.id}>
      <h4>
        {t('escalation.levelLabel', { level: n, name: localizedLabel(level.name, locale) })} <span className="chip">{t(`escalation.settings.kind.${level.kind}`)}</span>
        {level.illustrative ? <> <IllustrativeMark what="recipients" /></> : null}
      </h4>
      {level.kind === 'customer_comment' && level.instructions && <p className="muted">{localizedLabel(level.instructions, locale)}</p>}
      {level.kind === 'fixed' && (
        <p>
          {level.ownerManager ? t(`escalation.settings.manager.${level.ownerManager}`) : null}
          {level.mailbox ? <span className="mono"> {level.mailbox}</span> : null}
          {level.contacts.length > 0 && ` · ${level.contacts.map((c) => c.email ?? c.name).join(', ')}`}
        </p>
      )}
      {(level.kind === 'by_product_line' || level.kind === 'by_region' || level.kind === 'by_area') && <Rows rows={level.rows} />}
      {level.cc.length > 0 && <p className="mono">{t('escalation.cc')}: {level.cc.join(', ')}</p>}
      {level.auto.length > 0 && (
        <>
          <div className="muted">{t('escalation.settings.auto')}</div>
          <ul>{level.auto.map((r, i) => <Rule key={i} rule={r} />)}</ul>
        </>
      )}
    </li>
  );
}

/** A matrix's levels in order: who each reaches, by which key, and the rules that escalate to it by themselves. */
export function MatrixLevels({ matrix }: { matrix: EscalationMatrix }) {
  return (
    <ol className="esc-matrix">
      {matrix.levels.map((l, i) => <Level key={l.id} level={l} n={i + 1} />)}
    </ol>
  );
}
