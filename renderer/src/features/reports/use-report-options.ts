import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';
import { severityOrder } from '../../../../shared/reports';

export type Option = { value: string; label: string };
export type ReportOptions = { severities: Option[]; productLines: Option[]; regions: Option[]; customers: Option[]; engineers: Option[] };

const byLabel = (a: Option, b: Option): number => a.label.localeCompare(b.label);

/** Filter choices: severities from the policies, the rest from the store (index keys and the small directory tables). */
export function useReportOptions(): ReportOptions | undefined {
  const { db } = useServices();
  const { policies } = useConfig();
  const stored = useLiveQuery(async () => {
    const [productLines, regions, customers, engineers] = await Promise.all([
      db.tickets.orderBy('productLine').uniqueKeys(),
      db.tickets.orderBy('region').uniqueKeys(),
      db.customers.toArray(),
      db.engineers.toArray(),
    ]);
    return { productLines: productLines.map(String), regions: regions.map(String), customers, engineers };
  }, [db]);
  return useMemo(() => {
    if (!stored) return undefined;
    const severities = [...severityOrder(policies)].sort((a, b) => a[1].rank - b[1].rank).map(([value, s]) => ({ value, label: s.label }));
    return {
      severities,
      productLines: stored.productLines.map((v) => ({ value: v, label: v })),
      regions: stored.regions.map((v) => ({ value: v, label: v })),
      customers: stored.customers.map((c) => ({ value: c.id, label: c.name })).sort(byLabel),
      engineers: stored.engineers.map((e) => ({ value: e.id, label: e.name })).sort(byLabel),
    };
  }, [stored, policies]);
}
