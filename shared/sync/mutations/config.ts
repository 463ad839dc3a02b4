import { z } from 'zod';
import { configLabels, configTableSchema, deletePreset, parsePresetRow, putPreset, type ConfigRow, type ConfigTable } from '../../config/presets';
import { because, changedSince, showValue } from '../conflict';
import { assetCatalogueRefusal } from '../../contract/catalogue-check';
import { defineMutation } from '../mutation-types';
import { entityKey } from '../protocol';
import { catalogueRows, conflictRecord, refuseWith } from './helpers';

export { configTables, configTableSchema, type ConfigRow, type ConfigTable } from '../../config/presets';

/** Validates the row with its table's schema (defaults applied), so a bad preset is refused before anything is written. */
export const configPutArgs = z.object({ table: configTableSchema, row: z.record(z.string(), z.unknown()) }).transform((a, ctx): { table: ConfigTable; row: ConfigRow } => {
  const parsed = parsePresetRow(a.table, a.row);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', path: ['row'], message: parsed.message });
    return z.NEVER;
  }
  return { table: a.table, row: parsed.row };
});

export const configDeleteArgs = z.object({ table: configTableSchema, id: z.string().min(1) });

/**
 * Creates or replaces a preset row (shared/config putPreset). If someone else changed any field
 * this change touches since the version it was based on, the server's row is kept whole (a
 * half-merged policy could be inconsistent) and this one becomes an open conflict.
 */
export const configPut = defineMutation({
  name: 'config.put',
  version: 1,
  args: configPutArgs,
  touches: (a) => [{ table: a.table, id: a.row.id }],
  // An installed asset names a product of the tenant's catalogue.
  readsTables: (a) => (a.table === 'assets' ? ['products'] : []),
  mutate: (read, a, ctx, tables) => {
    const name = 'config.put@1';
    const cur = read(a.table, a.row.id);
    const r = putPreset(ctx.role, a.table, a.row, cur?.data);
    if (!r.ok) return refuseWith(ctx, name, '', r.refusal);
    // An asset that keeps its product is accepted even if that product left the catalogue since.
    const notListed = a.table === 'assets' && cur?.data.productId !== a.row.productId ? assetCatalogueRefusal({ id: a.row.id, productId: String(a.row.productId) }, catalogueRows(tables)) : undefined;
    if (notListed) return refuseWith(ctx, name, '', notListed);
    if (r.changed.length === 0) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    const base = ctx.baseVersions[entityKey(a.table, a.row.id)];
    const clash = cur ? r.changed.filter((k) => changedSince(cur.fv, base, k, ctx.clientId)) : [];
    if (cur && clash.length > 0) {
      const c = conflictRecord(ctx, name, '', `${a.table}/${a.row.id}`, { mine: showValue(a.row), theirs: showValue(cur.data) }, because('config_changed_meanwhile', `${configLabels[a.table]} row ${a.row.id} was changed by someone else meanwhile (${clash.join(', ')}); their version was kept`, { row: a.row.id, fields: clash.join(', ') }));
      return { outcome: 'conflict', writes: [], events: [], conflicts: [c], message: c.reason };
    }
    return { outcome: 'applied', writes: [{ table: a.table, id: a.row.id, data: a.row, fields: r.changed }], events: [], conflicts: [] };
  },
});

/** Deletes a preset row (shared/config deletePreset): a tombstone every device applies on its next pull. */
export const configDelete = defineMutation({
  name: 'config.delete',
  version: 1,
  args: configDeleteArgs,
  touches: (a) => [{ table: a.table, id: a.id }],
  mutate: (read, a, ctx) => {
    const cur = read(a.table, a.id);
    const r = deletePreset(ctx.role, a.table, cur !== undefined);
    if (!r.ok) return refuseWith(ctx, 'config.delete@1', '', r.refusal);
    if (!cur || !r.deletes) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    return { outcome: 'applied', writes: [{ table: a.table, id: a.id, data: cur.data, fields: ['_deleted'], deleted: true }], events: [], conflicts: [] };
  },
});
