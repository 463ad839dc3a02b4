// The whole configuration (policies, calendars, escalation matrices and the customer model:
// products, customers, sites, assets, contracts) as one JSON file. Import is all-or-nothing: every
// item is checked with the shared schemas (and cross-references) first. Every section may be left
// out, so a file of customers and contracts alone (Settings › Contracts) is a bundle too.
import { z } from 'zod';
import { modelTables, parseModelJson, type IssueWords, type KnownIds, type ModelProblem, type ModelRows } from '../../../../shared/contract';
import { escalationMatrixSchema, type EscalationMatrix } from '../../../../shared/escalation';
import { policyCalendarIds, policySchema, type Policy } from '../../../../shared/policy';
import { calendarPresetSchema, type CalendarPreset } from '../../../../shared/sla';
import type { ConfigTable } from './config-mutations';

export const CONFIG_BUNDLE_FORMAT = 'service-desk-config';

export type ConfigBundle = {
  format: typeof CONFIG_BUNDLE_FORMAT;
  version: 1;
  exportedAt: string;
  policies: Policy[];
  calendars: CalendarPreset[];
  escalationMatrices: EscalationMatrix[];
} & ModelRows;

export type BundleParts = Pick<ConfigBundle, 'policies' | 'calendars' | 'escalationMatrices'> & Partial<ModelRows>;

/** One reason the file was refused: which section and item (index, id) and which field. */
export type BundleProblem = { section: ConfigTable | 'file'; index?: number; id?: string; path: string; message: string; model?: ModelProblem };

export type BundleParseResult = { ok: true; bundle: ConfigBundle } | { ok: false; problems: BundleProblem[] };

/** Serialises the configuration in force (presets overlaid by the stored edits). */
export function exportConfigBundle(parts: BundleParts, exportedAt: Date): string {
  const bundle: ConfigBundle = { format: CONFIG_BUNDLE_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), products: [], customers: [], sites: [], assets: [], contracts: [], ...parts };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

const envelopeSchema = z.object({
  format: z.literal(CONFIG_BUNDLE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  policies: z.array(z.unknown()).default([]),
  calendars: z.array(z.unknown()).default([]),
  escalationMatrices: z.array(z.unknown()).default([]),
  ...Object.fromEntries(modelTables.map((t) => [t, z.array(z.unknown()).default([])])),
});

function idOf(raw: unknown): string | undefined {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
}

function parseSection<T extends { id: string }>(section: ConfigTable, items: unknown[], schema: z.ZodType<T>, problems: BundleProblem[]): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  items.forEach((raw, index) => {
    const id = idOf(raw);
    const r = schema.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues) problems.push({ section, index, ...(id ? { id } : {}), path: i.path.map(String).join('.'), message: i.message });
      return;
    }
    if (seen.has(r.data.id)) problems.push({ section, index, id: r.data.id, path: 'id', message: `duplicate id "${r.data.id}"` });
    seen.add(r.data.id);
    out.push(r.data);
  });
  return out;
}

/**
 * Reads and checks a configuration file. Policies may name calendars from the file or ones the
 * app already has (`known`); matrices may name policies likewise.
 */
export function parseConfigBundle(text: string, known: { calendarIds: ReadonlySet<string>; policyIds: ReadonlySet<string>; model?: KnownIds }, words?: IssueWords): BundleParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ section: 'file', path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const env = envelopeSchema.safeParse(raw);
  if (!env.success) return { ok: false, problems: env.error.issues.map((i) => ({ section: 'file', path: i.path.map(String).join('.'), message: i.message })) };
  const problems: BundleProblem[] = [];
  const calendars = parseSection('calendars', env.data.calendars, calendarPresetSchema, problems);
  const policies = parseSection('policies', env.data.policies, policySchema, problems);
  const escalationMatrices = parseSection('escalationMatrices', env.data.escalationMatrices, escalationMatrixSchema, problems);
  const calendarIds = new Set([...known.calendarIds, ...calendars.map((c) => c.id)]);
  const policyIds = new Set([...known.policyIds, ...policies.map((p) => p.id)]);
  policies.forEach((p) => {
    for (const c of policyCalendarIds(p)) {
      if (!calendarIds.has(c)) problems.push({ section: 'policies', index: env.data.policies.findIndex((x) => idOf(x) === p.id), id: p.id, path: 'calendarId', message: `unknown calendar "${c}"` });
    }
  });
  escalationMatrices.forEach((m) => {
    // "default" is the fallback matrix for every policy without its own (escalationMatrixForPolicy).
    if (m.policyId !== 'default' && !policyIds.has(m.policyId)) problems.push({ section: 'escalationMatrices', index: env.data.escalationMatrices.findIndex((x) => idOf(x) === m.id), id: m.id, path: 'policyId', message: `unknown policy "${m.policyId}"` });
  });
  const sections = env.data as unknown as Record<(typeof modelTables)[number], unknown[]>;
  const model = parseModelJson(sections, { ...known.model, policies: policyIds, calendars: calendarIds, escalationMatrices: new Set([...(known.model?.escalationMatrices ?? []), ...escalationMatrices.map((m) => m.id)]) }, words);
  if (!model.ok) {
    for (const m of model.problems) {
      // "contracts[2].validTo" -> item 3 of the contracts, field "validTo".
      const at = /^(\w+)\[(\d+)\]\.?(.*)$/.exec(m.path ?? '');
      problems.push({ section: m.table ?? 'file', index: at ? Number(at[2]) : 0, ...(m.id ? { id: m.id } : {}), path: at?.[3] ?? '', message: m.message, model: m });
    }
  }
  if (problems.length > 0 || !model.ok) return { ok: false, problems };
  return { ok: true, bundle: { format: CONFIG_BUNDLE_FORMAT, version: 1, exportedAt: env.data.exportedAt ?? '', policies, calendars, escalationMatrices, ...model.model } };
}

export type ImportStep = { table: ConfigTable; row: { id: string } };

/**
 * The rows to store, calendars first so policies never name a calendar that is not there yet;
 * items identical to what is in force are left out, so a round trip stores nothing.
 */
export function importSteps(bundle: Partial<BundleParts>, current: Partial<BundleParts>): ImportStep[] {
  const differs = <T extends { id: string }>(list: readonly T[] | undefined, row: T) => JSON.stringify((list ?? []).find((x) => x.id === row.id)) !== JSON.stringify(row);
  // Referenced rows before the rows naming them: calendars, policies, matrices, then the catalogue,
  // customers, their sites, the assets at those sites, and the contracts covering them.
  const order = ['calendars', 'policies', 'escalationMatrices', ...modelTables] as const;
  return order.flatMap((table) => ((bundle[table] ?? []) as { id: string }[]).filter((r) => differs(current[table] as { id: string }[] | undefined, r)).map((row) => ({ table, row })));
}
