// The whole configuration (policies, calendars, escalation matrices) as one JSON file. Import is
// all-or-nothing: every item is checked with the shared schemas (and cross-references) first.
import { z } from 'zod';
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
};

/** One reason the file was refused: which section and item (index, id) and which field. */
export type BundleProblem = { section: ConfigTable | 'file'; index?: number; id?: string; path: string; message: string };

export type BundleParseResult = { ok: true; bundle: ConfigBundle } | { ok: false; problems: BundleProblem[] };

/** Serialises the configuration in force (presets overlaid by the stored edits). */
export function exportConfigBundle(parts: Pick<ConfigBundle, 'policies' | 'calendars' | 'escalationMatrices'>, exportedAt: Date): string {
  const bundle: ConfigBundle = { format: CONFIG_BUNDLE_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), ...parts };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

const envelopeSchema = z.object({
  format: z.literal(CONFIG_BUNDLE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  policies: z.array(z.unknown()),
  calendars: z.array(z.unknown()),
  escalationMatrices: z.array(z.unknown()),
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
export function parseConfigBundle(text: string, known: { calendarIds: ReadonlySet<string>; policyIds: ReadonlySet<string> }): BundleParseResult {
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
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, bundle: { format: CONFIG_BUNDLE_FORMAT, version: 1, exportedAt: env.data.exportedAt ?? '', policies, calendars, escalationMatrices } };
}

export type ImportStep = { table: ConfigTable; row: { id: string } };

/**
 * The rows to store, calendars first so policies never name a calendar that is not there yet;
 * items identical to what is in force are left out, so a round trip stores nothing.
 */
export function importSteps(bundle: ConfigBundle, current: { policies: readonly Policy[]; calendars: readonly CalendarPreset[]; escalationMatrices: readonly EscalationMatrix[] }): ImportStep[] {
  const differs = <T extends { id: string }>(list: readonly T[], row: T) => JSON.stringify(list.find((x) => x.id === row.id)) !== JSON.stringify(row);
  return [
    ...bundle.calendars.filter((r) => differs(current.calendars, r)).map((row) => ({ table: 'calendars' as const, row })),
    ...bundle.policies.filter((r) => differs(current.policies, r)).map((row) => ({ table: 'policies' as const, row })),
    ...bundle.escalationMatrices.filter((r) => differs(current.escalationMatrices, r)).map((row) => ({ table: 'escalationMatrices' as const, row })),
  ];
}
