import { because } from '../conflict';
import { z } from 'zod';
import { savedViewSchema } from '../../views/schema';
import { defineMutation, type MutationCtx, type MutationResultBody } from '../mutation-types';
import { refuse } from './helpers';

// Saved views are personal: each user pulls only their own (server/pull.ts) and only the owner
// may change one. Two devices of the same user editing one view offline are one person changing
// their mind, so the later push wins field by field instead of raising a conflict to resolve.

export const viewPutArgs = z.object({ view: savedViewSchema });
export const viewDeleteArgs = z.object({ id: z.string().min(1).max(200) });

const applied = (writes: MutationResultBody['writes']): MutationResultBody => ({ outcome: 'applied', writes, events: [], conflicts: [] });

function notYours(ctx: MutationCtx, mutation: string, ownerId: unknown): MutationResultBody | undefined {
  if (ownerId === undefined || ownerId === ctx.userId) return undefined;
  return refuse(ctx, mutation, '', because('saved_view_not_yours', 'this saved view belongs to another user; your change was not saved'));
}

/** Creates or replaces one of the user's saved views (filters, sort, columns, name). */
export const viewPut = defineMutation({
  name: 'view.put',
  version: 1,
  args: viewPutArgs,
  touches: (a) => [{ table: 'savedViews', id: a.view.id }],
  mutate: (read, a, ctx) => {
    const name = 'view.put@1';
    const cur = read('savedViews', a.view.id);
    const denied = notYours(ctx, name, a.view.ownerId) ?? notYours(ctx, name, cur?.data.ownerId);
    if (denied) return denied;
    const row: Record<string, unknown> = { ...a.view };
    const changed = Object.keys(row).filter((k) => JSON.stringify(row[k]) !== JSON.stringify(cur?.data[k]));
    return applied(changed.length === 0 ? [] : [{ table: 'savedViews', id: a.view.id, data: row, fields: changed }]);
  },
});

/** Deletes one of the user's saved views on all their devices. */
export const viewDelete = defineMutation({
  name: 'view.delete',
  version: 1,
  args: viewDeleteArgs,
  touches: (a) => [{ table: 'savedViews', id: a.id }],
  mutate: (read, a, ctx) => {
    const cur = read('savedViews', a.id);
    if (!cur) return applied([]);
    const denied = notYours(ctx, 'view.delete@1', cur.data.ownerId);
    if (denied) return denied;
    return applied([{ table: 'savedViews', id: a.id, data: cur.data, fields: ['_deleted'], deleted: true }]);
  },
});
