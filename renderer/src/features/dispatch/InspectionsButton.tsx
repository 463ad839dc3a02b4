import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionSourcesOf, nextInspectionVisits, type Visit } from '../../../../shared/dispatch';
import { useSession } from '../../app/session';
import { useConfig } from '../../config/config-store';
import { useVisitMutation } from './use-visit-mutation';

/** How far ahead inspections are generated: the next 60 days. */
export const inspectionHorizonMs = 60 * 86_400_000;

/**
 * Generates the inspection visits due in the next weeks from each synced contract's inspection
 * plan, at the sites it covers and within its validity dates (each due date once).
 */
export function InspectionsButton({ visits }: { visits: readonly Visit[] }) {
  const { t } = useTranslation();
  const by = useSession((s) => s.session.userId);
  const config = useConfig();
  const { create, error, busy } = useVisitMutation();
  const [done, setDone] = useState<number>();
  const planned = [...config.contracts.values()].filter((c) => c.inspectionPlan !== undefined);
  const generate = async () => {
    const now = Date.now();
    const sites = [...config.sites.values()];
    const assets = [...config.assets.values()];
    const lineOf = (productId: string) => config.products.get(productId)?.productLine;
    let created = 0;
    for (const contract of planned) {
      for (const source of inspectionSourcesOf(contract, sites, assets, lineOf)) {
        for (const visit of nextInspectionVisits(source, visits, now + inspectionHorizonMs, { now, by, notBefore: now })) {
          if (await create(visit)) created++;
        }
      }
    }
    setDone(created);
  };
  return (
    <span className="row">
      <button type="button" disabled={busy || planned.length === 0} title={planned.length === 0 ? t('dispatch.noInspectionPlans') : undefined} onClick={() => void generate()}>{t('dispatch.generateInspections')}</button>
      {done !== undefined && <span className="muted" role="status">{t('dispatch.inspectionsCreated', { count: done })}</span>}
      {error && <span className="error" role="alert">{t('dispatch.refused', { message: error })}</span>}
    </span>
  );
}
