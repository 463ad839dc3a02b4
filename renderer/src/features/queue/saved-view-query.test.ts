import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreTable, Table } from 'dexie';
import { openDb, type ServiceDeskDb } from '../../data';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { generateDemoData } from '../../../../shared/demo';
import { matchesViewFilters, savedViewSchema, type SavedView } from '../../../../shared/views';
import type { Ticket } from '../../../../shared/ticket';
import { installQueueKeys } from '../../data';
import { readSavedViewPage, walkSortKeys } from './saved-view-query';
import { compareBySort, SORT_IN_MEMORY_MAX } from './view-plan';

const NOW = Date.UTC(2026, 2, 3, 9, 0);
const config = buildConfig(presetPolicies, presetCalendars, 1);
type Row = Ticket & { dueAt?: number };

/** Ticket rows (values) the store hands out, counted below Dexie: the work a count must not do. */
const rowsRead = { n: 0 };
function countRowReads(db: ServiceDeskDb): void {
  db.use({
    stack: 'dbcore',
    name: 'count-row-reads',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name): DBCoreTable {
          const t = down.table(name);
          if (name !== 'tickets') return t;
          return {
            ...t,
            query: async (req) => {
              const res = await t.query(req);
              if (req.values) rowsRead.n += res.result.length;
              return res;
            },
            getMany: async (req) => {
              rowsRead.n += req.keys.length;
              return t.getMany(req);
            },
            openCursor: async (req) => {
              const cursor = await t.openCursor(req);
              if (cursor && req.values) rowsRead.n += 1;
              return cursor;
            },
          };
        },
      };
    },
  });
}

let db: ServiceDeskDb;
let all: Row[];
const view = (over: Partial<Pick<SavedView, 'sort'>> & { filters?: Partial<SavedView['filters']> }): SavedView =>
  savedViewSchema.parse({ id: 'v', ownerId: 'eng-alex', name: 'View', updatedAt: 1, sort: over.sort, filters: over.filters ?? {} });
const expected = (v: SavedView) => all.filter((t) => matchesViewFilters(t, v.filters, NOW)).sort(compareBySort(v.sort));

beforeAll(async () => {
  db = openDb(`saved-view-${Math.random()}`);
  installQueueKeys(db, () => config, () => NOW);
  countRowReads(db);
  const { tickets } = generateDemoData({ tickets: 4000, now: NOW, policies: config.policies, histories: false });
  await db.tickets.bulkPut(tickets);
  all = (await db.tickets.toArray()) as Row[];
}, 60_000);
afterAll(async () => {
  await db.delete();
});

const table = () => db.tickets as unknown as Table<Row, string>;
const distinct = (f: (t: Row) => string) => [...new Set(all.map(f))].sort();

describe('readSavedViewPage over real Dexie (4,000 generated tickets)', () => {
  it('gives every kind of view the same rows and count as filtering and sorting everything', async () => {
    const [region = '', otherRegion = ''] = distinct((t) => t.region);
    const [line = ''] = distinct((t) => t.productLine);
    const customer = distinct((t) => t.customerId)[0] ?? '';
    const views = [
      view({ sort: { field: 'updatedAt', direction: 'desc' } }),
      view({ filters: { regions: [region] } }),
      view({ filters: { regions: [region, otherRegion] }, sort: { field: 'createdAt', direction: 'asc' } }),
      view({ filters: { customerIds: [customer], breachedOnly: true }, sort: { field: 'priority', direction: 'desc' } }),
      view({ filters: { statuses: ['received', 'in_progress'], productLines: [line] }, sort: { field: 'severity', direction: 'asc' } }),
      view({ filters: { statuses: ['in_progress', 'waiting_customer', 'acknowledged', 'received', 'resolved'], regions: [region, otherRegion] }, sort: { field: 'updatedAt', direction: 'desc' } }),
      view({ filters: { severities: ['2'], breachedOnly: true } }),
      view({ filters: { ownerIds: [''], severities: ['1', '3'] }, sort: { field: 'createdAt', direction: 'desc' } }),
    ];
    const kinds = new Set<string>();
    for (const v of views) {
      const want = expected(v);
      for (const offset of [0, 37]) {
        const page = await readSavedViewPage(table(), v, NOW, offset, 25);
        kinds.add(page.strategy);
        expect(page.count, JSON.stringify(v.filters)).toBe(want.length);
        expect(page.rows.map((r) => r.id), JSON.stringify([v.filters, v.sort])).toEqual(want.slice(offset, offset + 25).map((r) => r.id));
      }
    }
    // The views above exercise every strategy: one index range, a few rows sorted here, a walk along the sort index.
    expect([...kinds].sort()).toEqual(['index', 'memory', 'walk']);
  }, 60_000);

  it('counts a view from indexes alone: no ticket row is read, even with two broad filters', async () => {
    const [region = '', otherRegion = ''] = distinct((t) => t.region);
    const broad = view({ filters: { statuses: ['in_progress', 'received', 'acknowledged', 'waiting_customer', 'resolved'], regions: [region, otherRegion] } });
    expect(expected(broad).length).toBeGreaterThan(SORT_IN_MEMORY_MAX);
    for (const v of [view({}), view({ filters: { regions: [region] }, sort: { field: 'updatedAt', direction: 'desc' } }), broad]) {
      rowsRead.n = 0;
      const { count } = await readSavedViewPage(table(), v, NOW, 0, 0);
      expect(count).toBe(expected(v).length);
      expect(rowsRead.n, JSON.stringify(v.filters)).toBe(0);
    }
  });

  it('reads at most the smallest filter\'s tickets when few match', async () => {
    const customer = distinct((t) => t.customerId)[1] ?? '';
    const v = view({ filters: { customerIds: [customer], severities: ['2'] }, sort: { field: 'updatedAt', direction: 'desc' } });
    const ofCustomer = all.filter((t) => t.customerId === customer).length;
    expect(ofCustomer).toBeLessThanOrEqual(SORT_IN_MEMORY_MAX);
    rowsRead.n = 0;
    const page = await readSavedViewPage(table(), v, NOW, 0, 20);
    expect(page.strategy).toBe('memory');
    expect(page.count).toBe(expected(v).length);
    expect(rowsRead.n).toBeLessThanOrEqual(ofCustomer);
  });

  it('pages a walk along the sort index from keys alone, reading only the page\'s rows, ties in index order, both directions', async () => {
    // Many tickets share a creation minute in the generated load: ties inside and across the slices read.
    const sameMinute = all.filter((t) => all.some((u) => u.id !== t.id && u.createdAt === t.createdAt)).length;
    expect(sameMinute).toBeGreaterThan(0);
    const [region = ''] = distinct((t) => t.region);
    const v = view({ filters: { regions: [region] } });
    const matching = all.filter((r) => matchesViewFilters(r, v.filters, NOW));
    const ids = new Set(matching.map((r) => r.id));
    for (const sort of [{ field: 'createdAt', direction: 'asc' }, { field: 'createdAt', direction: 'desc' }, { field: 'updatedAt', direction: 'desc' }, { field: 'severity', direction: 'asc' }] as const) {
      const want = [...matching].sort(compareBySort(sort)).map((r) => r.id);
      for (const first of [1, 3, 50, 4096]) {
        rowsRead.n = 0;
        expect(await walkSortKeys(table(), sort, ids, 11, 30, first), `${sort.field} ${sort.direction} from ${first}`).toEqual(want.slice(11, 41));
        expect(rowsRead.n).toBe(0);
      }
    }
    // Past the end: what is left.
    expect(await walkSortKeys(table(), { field: 'createdAt', direction: 'asc' }, ids, ids.size - 5, 30)).toHaveLength(5);
  }, 60_000);

  it('a walk whose matches lie at the far end of the order reads only the page\'s rows', async () => {
    // Open tickets oldest first: the oldest tickets are mostly closed, so the page is far along createdAt.
    const v = view({ filters: { statuses: ['received', 'acknowledged', 'in_progress', 'waiting_customer'], severities: ['1', '2', '3', '4'] }, sort: { field: 'createdAt', direction: 'asc' } });
    const want = expected(v);
    expect(want.length).toBeGreaterThan(SORT_IN_MEMORY_MAX);
    rowsRead.n = 0;
    const page = await readSavedViewPage(table(), v, NOW, 0, 40);
    expect(page.strategy).toBe('walk');
    expect(page.rows.map((r) => r.id)).toEqual(want.slice(0, 40).map((r) => r.id));
    expect(rowsRead.n).toBe(40);
  });
});
