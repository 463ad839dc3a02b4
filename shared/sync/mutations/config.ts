import { z } from 'zod';
import { escalationMatrixSchema } from '../../escalation/schema';
import { describeZodError } from '../../ipc/contract';
import { policySchema } from '../../policy/schema';
import { calendarPresetSchema } from '../../sla/calendar-schema';
import { changedSince, showValue } from '../conflict';
import { defineMutation, type MutationCtx, type MutationResultBody } from '../mutation-types';
import { entityKey } from '../protocol';
import { conflictRecord, refuse } from './helpers';

// Policies, calendars and escalation matrices: tenant-wide presets every user pulls and only admins change.

export const configTables = ['policies', 'calendars', 'escalationMatrices'] as const;
export const configTableSchema = z.enum(configTables);
export type ConfigTable = z.infer<typeof configTableSchema>;

const rowSchemas: Record<ConfigTable, z.ZodType<{ id: string }>> = {
  policies: policySchema,
  calendars: calendarPresetSchema,
  escalationMatrices: escalationMatrixSchema,
};

const labels: Record<ConfigTable, string> = { policies: 'policies', calendars: 'calendars', escalationMatrices: 'escalation matrices' };

export type ConfigRow = { id: string } & Record<string, unknown>;

/** Validates the row with its table's schema (defaults applied), so a bad preset is refused before anything is written. */
export const configPutArgs = z.object({ table: configTableSchema, row: z.record(z.string(), z.unknown()) }).transform((a, ctx): { table: ConfigTable; row: ConfigRow } => {
  const parsed = rowSchemas[a.table].safeParse(a.row);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', path: ['row'], message: `invalid ${a.table} row: ${describeZodError(parsed.error)}` });
    return z.NEVER;
  }
  return { table: a.table, row: parsed.data as ConfigRow };
});

export const configDeleteArgs = z.object({ table: configTableSchema, id: z.string().min(1) });

function adminOnly(ctx: MutationCtx, mutation: string, table: ConfigTable): MutationResultBody | undefined {
  if (ctx.role === 'admin') return undefined;
  return refuse(ctx, mutation, '', `only an admin can change ${labels[table]}; your change was not saved`);
}

/**
 * Creates or replaces a preset row. If someone else changed any field this change touches since
 * the version it was based on, the server's row is kept whole (a half-merged policy could be
 * inconsistent) and this one becomes an open conflict.
 */
export const configPut = defineMutation({
  name: 'config.put',
  version: 1,
  args: configPutArgs,
  touches: (a) => [{ table: a.table, id: a.row.id }],
  mutate: (read, a, ctx) => {
    const name = 'config.put@1';
    const denied = adminOnly(ctx, name, a.table);
    if (denied) return denied;
    const cur = read(a.table, a.row.id);
    const keys = new Set([...Object.keys(a.row), ...Object.keys(cur?.data ?? {})]);
    const changed = [...keys].filter((k) => JSON.stringify(a.row[k]) !== JSON.stringify(cur?.data[k]));
    if (changed.length === 0) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    const base = ctx.baseVersions[entityKey(a.table, a.row.id)];
    const clash = cur ? changed.filter((k) => changedSince(cur.fv, base, k, ctx.clientId)) : [];
    if (cur && clash.length > 0) {
      const c = conflictRecord(ctx, name, '', `${a.table}/${a.row.id}`, { mine: showValue(a.row), theirs: showValue(cur.data) }, `${labels[a.table]} row ${a.row.id} was changed by someone else meanwhile (${clash.join(', ')}); their version was kept`);
      return { outcome: 'conflict', writes: [], events: [], conflicts: [c], message: c.reason };
    }
    return { outcome: 'applied', writes: [{ table: a.table, id: a.row.id, data: a.row, fields: changed }], events: [], conflicts: [] };
  },
});

/** Deletes a preset row (a tombstone every device applies on its next pull). */
export const configDelete = defineMutation({
  name: 'config.delete',
  version: 1,
  args: configDeleteArgs,
  touches: (a) => [{ table: a.table, id: a.id }],
  mutate: (read, a, ctx) => {
    const denied = adminOnly(ctx, 'config.delete@1', a.table);
    if (denied) return denied;
    const cur = read(a.table, a.id);
    if (!cur) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    return { outcome: 'applied', writes: [{ table: a.table, id: a.id, data: cur.data, fields: ['_deleted'], deleted: true }], events: [], conflicts: [] };
  },
});
