import { z } from 'zod';
import { ticketStatusSchema } from '../ticket/schema';

export const viewSortFields = ['dueAt', 'updatedAt', 'createdAt', 'severity', 'priority'] as const;
export const viewColumns = ['id', 'title', 'customer', 'severity', 'priority', 'impact', 'status', 'owner', 'clocks', 'product', 'region', 'updated', 'created'] as const;
export const defaultViewColumns: (typeof viewColumns)[number][] = ['id', 'title', 'customer', 'severity', 'priority', 'impact', 'status', 'owner', 'clocks'];

/** A queue the user saved: which tickets (filters), in which order (sort), showing which columns. */
export const savedViewSchema = z.object({
  id: z.string().min(1),
  /** Views are personal: synced to the devices of the user who saved them. */
  ownerId: z.string().min(1),
  name: z.string().trim().min(1, 'give the view a name').max(80),
  filters: z
    .object({
      statuses: z.array(ticketStatusSchema).default([]),
      severities: z.array(z.string()).default([]),
      productLines: z.array(z.string()).default([]),
      regions: z.array(z.string()).default([]),
      customerIds: z.array(z.string()).default([]),
      /** '' stands for unassigned. */
      ownerIds: z.array(z.string()).default([]),
      breachedOnly: z.boolean().default(false),
    })
    .default({ statuses: [], severities: [], productLines: [], regions: [], customerIds: [], ownerIds: [], breachedOnly: false }),
  sort: z.object({ field: z.enum(viewSortFields), direction: z.enum(['asc', 'desc']) }).default({ field: 'dueAt', direction: 'asc' }),
  columns: z.array(z.enum(viewColumns)).min(1, 'show at least one column').default(defaultViewColumns),
  updatedAt: z.number().int().nonnegative(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
export type ViewFilters = SavedView['filters'];

type Filterable = { status: string; severity: string; productLine: string; region: string; customerId: string; ownerId?: string; dueAt?: number };

/** Whether a ticket row belongs to a saved view (empty filter lists match everything). */
export function matchesViewFilters(t: Filterable, f: ViewFilters, now: number): boolean {
  const inList = (list: readonly string[], v: string) => list.length === 0 || list.includes(v);
  return (
    inList(f.statuses, t.status) &&
    inList(f.severities, t.severity) &&
    inList(f.productLines, t.productLine) &&
    inList(f.regions, t.region) &&
    inList(f.customerIds, t.customerId) &&
    inList(f.ownerIds, t.ownerId ?? '') &&
    (!f.breachedOnly || (t.dueAt !== undefined && t.dueAt < now))
  );
}
