import { useTranslation } from 'react-i18next';
import { escalationMatrixForPolicy, localizedLabel, pickEscalationLocale, type EscalationMatrix } from '../../../../shared/escalation';
import { IllustrativeMark } from './IllustrativeMark';
import { useEscalationMatrices } from './use-escalation-matrices';

const hasIllustrative = (m: EscalationMatrix): boolean => m.levels.some((l) => l.illustrative === true || l.auto.some((r) => r.illustrative === true));

/**
 * On the policy screen: which matrix the policy's tickets escalate by (its own, else the
 * fallback), its levels in order, and whether some of its numbers or people are only examples.
 */
export function PolicyEscalation({ policyId }: { policyId: string }) {
  const { t, i18n } = useTranslation();
  const locale = pickEscalationLocale(i18n.language);
  const matrix = escalationMatrixForPolicy(useEscalationMatrices(), policyId);
  const levels = matrix?.levels.map((l) => localizedLabel(l.name, locale)).join(' → ') ?? '';
  return (
    <section className="policy-escalation" data-testid="policy-escalation" aria-labelledby="policy-escalation-title">
      <h3 id="policy-escalation-title">{t('escalation.settings.policyMatrix')}</h3>
      {!matrix && <p className="error">{t('escalation.settings.policyMatrixNone')}</p>}
      {matrix && (
        <p data-matrix-id={matrix.id}>
          {matrix.policyId === policyId ? t('escalation.settings.policyMatrixOwn', { name: matrix.name, levels }) : t('escalation.settings.policyMatrixFallback', { name: matrix.name, levels })}
          {hasIllustrative(matrix) && <> {t('escalation.settings.policyMatrixIllustrative')} <IllustrativeMark what="value" /></>}
        </p>
      )}
      <p className="muted">{t('escalation.settings.policyMatrixContracts')}</p>
    </section>
  );
}
