import type { z } from 'zod';
import { assetSchema, contractSchema, productSchema, siteSchema } from '../../../shared/contract';
import { customerSchema } from '../../../shared/directory';
import { describeZodError } from '../../../shared/ipc/contract';
import { policyCalendarIds, policySchema, type Policy } from '../../../shared/policy';
import { calendarPresetSchema, type CalendarPreset } from '../../../shared/sla';
import type { ContractRows } from './config-store';
import { presetCalendars } from './presets';

/** A stored row the rules cannot use (it is ignored, and the preset with that id, if any, applies). */
export type ConfigRowProblem = { table: 'policies' | 'calendars' | keyof ContractRows; id: string; message: string };

export type ParsedConfigRows = { policies: Policy[]; calendars: CalendarPreset[]; invalid: ConfigRowProblem[] };

function idOf(row: unknown): string {
  return typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string' ? row.id : '?';
}

/**
 * Parses stored policy and calendar rows with the shared schemas. A policy naming a calendar that
 * exists neither as a preset nor as a valid stored row is refused too: its clocks could not run.
 */
export function parseConfigRows(policyRows: readonly unknown[], calendarRows: readonly unknown[]): ParsedConfigRows {
  const invalid: ConfigRowProblem[] = [];
  const calendars: CalendarPreset[] = [];
  for (const row of calendarRows) {
    const r = calendarPresetSchema.safeParse(row);
    if (r.success) calendars.push(r.data);
    else invalid.push({ table: 'calendars', id: idOf(row), message: describeZodError(r.error) });
  }
  const known = new Set([...presetCalendars.map((c) => c.id), ...calendars.map((c) => c.id)]);
  const policies: Policy[] = [];
  for (const row of policyRows) {
    const r = policySchema.safeParse(row);
    if (!r.success) {
      invalid.push({ table: 'policies', id: idOf(row), message: describeZodError(r.error) });
      continue;
    }
    const missing = policyCalendarIds(r.data).filter((id) => !known.has(id));
    if (missing.length > 0) invalid.push({ table: 'policies', id: r.data.id, message: `unknown calendar ${missing.map((m) => `"${m}"`).join(', ')}` });
    else policies.push(r.data);
  }
  return { policies, calendars, invalid };
}

/** Stored customer-side rows, as read from the store, table by table. */
export type StoredContractRows = Record<keyof ContractRows, readonly unknown[]>;

function parseAll<T>(table: keyof ContractRows, rows: readonly unknown[], schema: z.ZodType<T>, invalid: ConfigRowProblem[]): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const r = schema.safeParse(row);
    if (r.success) out.push(r.data);
    else invalid.push({ table, id: idOf(row), message: describeZodError(r.error) });
  }
  return out;
}

/** Parses the stored catalogue, customers, sites, assets and contracts; a row that does not parse is left out and reported. */
export function parseContractRows(rows: StoredContractRows): { rows: ContractRows; invalid: ConfigRowProblem[] } {
  const invalid: ConfigRowProblem[] = [];
  return {
    rows: {
      products: parseAll('products', rows.products, productSchema, invalid),
      customers: parseAll('customers', rows.customers, customerSchema, invalid),
      sites: parseAll('sites', rows.sites, siteSchema, invalid),
      assets: parseAll('assets', rows.assets, assetSchema, invalid),
      contracts: parseAll('contracts', rows.contracts, contractSchema, invalid),
    },
    invalid,
  };
}
