// Periodic inspections from a service contract: the next visits by interval, with
// ids derived from contract and due date so two devices generating offline make the same visits.
import { z } from 'zod';
import { zoneClock } from '../sla/calendar-zone';
import type { Instant } from '../ticket/schema';
import { visitSchema, visitSiteSchema } from './visit-schema';
import type { Visit } from './visit-schema';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a "YYYY-MM-DD" date');

export const inspectionContractSchema = z
  .object({
    id: z.string().min(1),
    customerId: z.string().min(1),
    intervalDays: z.number().int().positive().optional(),
    intervalMonths: z.number().int().positive().optional(),
    /** Local date (site time zone) of the first inspection. */
    firstDue: isoDate,
    site: visitSiteSchema,
    productLine: z.string().optional(),
    region: z.string().optional(),
    /** The contract the visits belong to, when `id` names one site of it (a contract may cover several). */
    contractId: z.string().min(1).optional(),
    /** Local dates the contract is valid; no inspection is due outside them. */
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
  })
  .refine((c) => (c.intervalDays === undefined) !== (c.intervalMonths === undefined), {
    message: 'give exactly one of intervalDays or intervalMonths',
  });
export type InspectionContract = z.input<typeof inspectionContractSchema>;

export type InspectionOptions = {
  /** Creation time of the generated visits. */
  now: Instant;
  by?: string;
  /** Skip due dates before this instant's local date (a contract whose early years were never tracked). */
  notBefore?: Instant;
};

/** More than this in one call means a wrong interval or horizon, not a real plan. */
const MAX_GENERATED = 500;
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const t = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const back = new Date(t).toISOString().slice(0, 10);
  if (back !== date) throw new RangeError(`"${date}" is not a real calendar date`);
  return t / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The n-th due date counted from the first, so month-end clamping never drifts (31 Jan, 28 Feb, 31 Mar). */
function nthDue(first: number, n: number, c: { intervalDays?: number | undefined; intervalMonths?: number | undefined }): number {
  if (c.intervalDays !== undefined) return first + n * c.intervalDays;
  const base = new Date(first * DAY_MS);
  const months = base.getUTCMonth() + n * (c.intervalMonths ?? 1);
  const year = base.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(base.getUTCDate(), lastDay)) / DAY_MS;
}

/**
 * The inspection visits due up to `horizonEnd` (inclusive of that local date) that do not exist
 * yet. A due date counts as existing whatever its visit's status, so a cancelled inspection is not
 * generated again. Each visit is unscheduled, with the end of its due date as arrival deadline.
 */
export function nextInspectionVisits(contract: InspectionContract, existingVisits: readonly Visit[], horizonEnd: Instant, options: InspectionOptions): Visit[] {
  const c = inspectionContractSchema.parse(contract);
  const zone = zoneClock(c.site.timeZone);
  const first = dayNumber(c.firstDue);
  const lastDay = zone.localDay(horizonEnd);
  const fromDay = options.notBefore === undefined ? first : zone.localDay(options.notBefore);
  const contractId = c.contractId ?? c.id;
  // Per contract and site: a contract covering two sites owes each its own inspection on a due date.
  const have = new Set(existingVisits.filter((v) => v.contractId === contractId && v.dueDate !== undefined && v.site.address === c.site.address).map((v) => v.dueDate));
  const validFrom = c.validFrom === undefined ? -Infinity : dayNumber(c.validFrom);
  const validTo = c.validTo === undefined ? Infinity : dayNumber(c.validTo);
  const ids = new Set(existingVisits.map((v) => v.id));
  const out: Visit[] = [];
  for (let n = 0; ; n++) {
    const day = nthDue(first, n, c);
    if (day > lastDay || day > validTo) break;
    if (day < fromDay || day < validFrom) continue;
    const dueDate = dateOf(day);
    const id = `inspection-${c.id}-${dueDate}`;
    if (have.has(dueDate) || ids.has(id)) continue;
    if (out.length >= MAX_GENERATED) {
      throw new RangeError(`more than ${MAX_GENERATED} inspections until the horizon: check the interval and horizon of contract ${c.id}`);
    }
    out.push(visitSchema.parse({
      id,
      customerId: c.customerId,
      kind: 'inspection',
      reason: 'periodic_inspection',
      site: c.site,
      status: 'unscheduled',
      arrivalDeadline: zone.wallToInstant(day + 1, 0),
      contractId,
      dueDate,
      ...(c.productLine !== undefined ? { productLine: c.productLine } : {}),
      ...(c.region !== undefined ? { region: c.region } : {}),
      createdAt: options.now,
      createdBy: options.by ?? 'system',
      updatedAt: options.now,
      updatedBy: options.by ?? 'system',
    }));
  }
  return out;
}

/** The parts of a contract the inspection plan needs (structural, so this module stays free of the contract model). */
export type PlannedContract = {
  id: string;
  customerId: string;
  validFrom: string;
  validTo: string;
  siteIds: readonly string[];
  assetIds: readonly string[];
  inspectionPlan?: { everyMonths: number; firstDate: string } | undefined;
};
export type PlannedSite = { id: string; customerId: string; address: string; region: string; timeZone: string };
export type PlannedAsset = { id: string; siteId: string; productId: string };

/**
 * One inspection source per site the contract covers (its listed sites, else all the customer's),
 * within the contract's validity; the product line is the one of the first covered asset at the site.
 * A contract without a plan yields none.
 */
export function inspectionSourcesOf(
  contract: PlannedContract,
  sites: readonly PlannedSite[],
  assets: readonly PlannedAsset[],
  productLineOf: (productId: string) => string | undefined,
): InspectionContract[] {
  const plan = contract.inspectionPlan;
  if (!plan) return [];
  const covered = sites.filter((s) => s.customerId === contract.customerId && (contract.siteIds.length === 0 || contract.siteIds.includes(s.id)));
  return covered.map((site) => {
    const asset = assets.find((a) => a.siteId === site.id && (contract.assetIds.length === 0 || contract.assetIds.includes(a.id)));
    const productLine = asset ? productLineOf(asset.productId) : undefined;
    return {
      id: `${contract.id}-${site.id}`,
      contractId: contract.id,
      customerId: contract.customerId,
      intervalMonths: plan.everyMonths,
      firstDue: plan.firstDate,
      validFrom: contract.validFrom,
      validTo: contract.validTo,
      site: { address: site.address, timeZone: site.timeZone },
      region: site.region,
      ...(productLine !== undefined ? { productLine } : {}),
    };
  });
}
