import { z } from 'zod';
import { assetSchema, contractSchema, productSchema, siteSchema } from '../contract/schema';
import { customerSchema, type UserRole } from '../directory/schema';
import { escalationMatrixSchema } from '../escalation/schema';
import { describeZodError } from '../ipc/contract';
import { policySchema } from '../policy/schema';
import { calendarPresetSchema } from '../sla/calendar-schema';
import { refused, type CommandResult, type Refusal } from '../ticket/command';

// Policies, calendars, escalation matrices, the product catalogue and the customers with their
// sites, assets and contracts: tenant-wide configuration every user pulls and only admins change.

export const configTables = ['policies', 'calendars', 'escalationMatrices', 'products', 'customers', 'sites', 'assets', 'contracts'] as const;
export const configTableSchema = z.enum(configTables);
export type ConfigTable = z.infer<typeof configTableSchema>;

const rowSchemas: Record<ConfigTable, z.ZodType<{ id: string }>> = {
  policies: policySchema,
  calendars: calendarPresetSchema,
  escalationMatrices: escalationMatrixSchema,
  products: productSchema,
  customers: customerSchema,
  sites: siteSchema,
  assets: assetSchema,
  contracts: contractSchema,
};

export const configLabels: Record<ConfigTable, string> = {
  policies: 'policies',
  calendars: 'calendars',
  escalationMatrices: 'escalation matrices',
  products: 'products',
  customers: 'customers',
  sites: 'sites',
  assets: 'assets',
  contracts: 'contracts',
};

export type ConfigRow = { id: string } & Record<string, unknown>;

/** A preset row checked with its table's schema (defaults applied), or every problem in one sentence. */
export function parsePresetRow(table: ConfigTable, row: unknown): { ok: true; row: ConfigRow } | { ok: false; message: string } {
  const parsed = rowSchemas[table].safeParse(row);
  if (!parsed.success) return { ok: false, message: `invalid ${table} row: ${describeZodError(parsed.error)}` };
  return { ok: true, row: parsed.data as ConfigRow };
}

/** Only an admin changes presets: everyone's clocks, priorities and escalations follow them. */
function adminOnly(role: UserRole, table: ConfigTable): { ok: false; refusal: Refusal } | undefined {
  if (role === 'admin') return undefined;
  return refused('admin_only', `only an admin can change ${configLabels[table]}; your change was not saved`, { table });
}

/**
 * The preset put command: an admin's valid row replaces the current one. Returns the fields that
 * differ from the current row (none: nothing to write), so sync can check them against
 * concurrent changes.
 */
export function putPreset(role: UserRole, table: ConfigTable, row: ConfigRow, current: Record<string, unknown> | undefined): CommandResult<{ changed: string[] }> {
  const denied = adminOnly(role, table);
  if (denied) return denied;
  const keys = new Set([...Object.keys(row), ...Object.keys(current ?? {})]);
  return { ok: true, changed: [...keys].filter((k) => JSON.stringify(row[k]) !== JSON.stringify(current?.[k])) };
}

/** The preset delete command: only an admin; deleting a row that is not there changes nothing. */
export function deletePreset(role: UserRole, table: ConfigTable, exists: boolean): CommandResult<{ deletes: boolean }> {
  const denied = adminOnly(role, table);
  if (denied) return denied;
  return { ok: true, deletes: exists };
}
