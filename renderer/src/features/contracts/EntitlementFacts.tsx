import { useTranslation } from 'react-i18next';
import type { Entitlement } from '../../../../shared/contract';

/**
 * Which terms govern the ticket and why: the contract (number, validity, site and its zone,
 * language) or, without a valid contract, the policy's non-contract terms, flagged.
 */
export function EntitlementFacts({ entitlement }: { entitlement: Entitlement | undefined }) {
  const { t } = useTranslation();
  if (!entitlement || entitlement.terms === 'policy') return null;
  const c = entitlement.contract;
  return (
    <div className="entitlement" data-testid="entitlement" data-terms={entitlement.terms}>
      {entitlement.terms === 'contract' && c ? (
        <p>
          {t('contracts.facts.contract', { number: c.number, to: c.validTo === '9999-12-31' ? '—' : c.validTo })}
          {c.illustrative && <span className="chip"> {t('contracts.illustrative')}</span>}
        </p>
      ) : (
        <p role="status" className="entitlement-flag" data-testid="non-contract-flag">
          {entitlement.channels.length > 0 ? t('contracts.facts.nonContractChannels', { channels: entitlement.channels.map((ch) => t(`contracts.channel.${ch}`)).join(', ') }) : t('contracts.facts.nonContract')}
        </p>
      )}
      {entitlement.site && <p>{t('contracts.facts.site', { site: entitlement.site.name, zone: entitlement.site.timeZone })}</p>}
      {!entitlement.site && entitlement.timeZone && <p>{t('contracts.facts.zone', { zone: entitlement.timeZone })}</p>}
      <p>{t('contracts.facts.language', { language: t(`contracts.language.${entitlement.language}`, { defaultValue: entitlement.language }) })}</p>
      {entitlement.reasons.filter((r) => r.kind === 'contract_not_valid' || r.kind === 'site_not_covered').map((r, i) => (
        <p key={i} className="muted">{t(`contracts.reason.${r.kind}`, r)}</p>
      ))}
    </div>
  );
}
