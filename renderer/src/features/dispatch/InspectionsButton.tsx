import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextInspectionVisits, type Visit } from '../../../../shared/dispatch';
import { useSession } from '../../app/session';
import { demoInspectionContracts, inspectionHorizonMs } from './inspection-contracts';
import { useVisitMutation } from './use-visit-mutation';

/** Generates the inspection visits due in the next weeks from the service contracts (each due date once). */
export function InspectionsButton({ visits }: { visits: readonly Visit[] }) {
  const { t } = useTranslation();
  const by = useSession((s) => s.session.userId);
  const { create, error, busy } = useVisitMutation();
  const [done, setDone] = useState<number>();
  const generate = async () => {
    const now = Date.now();
    let created = 0;
    for (const contract of demoInspectionContracts) {
      for (const visit of nextInspectionVisits(contract, visits, now + inspectionHorizonMs, { now, by, notBefore: now })) {
        if (await create(visit)) created++;
      }
    }
    setDone(created);
  };
  return (
    <span className="row">
      <button type="button" disabled={busy} onClick={() => void generate()}>{t('dispatch.generateInspections')}</button>
      {done !== undefined && <span className="muted" role="status">{t('dispatch.inspectionsCreated', { count: done })}</span>}
      {error && <span className="error" role="alert">{t('dispatch.refused', { message: error })}</span>}
    </span>
  );
}
