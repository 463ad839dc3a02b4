import type { ServiceDeskDb } from '../data/db';
import { demoAssets, demoCatalogue, demoContracts, demoCustomers, demoEngineers, demoScenarioTickets, demoSites, demoWarehouseParts, generateDemoData, type DemoRules } from '../../../shared/demo';
import type { Policy } from '../../../shared/policy';

const SEEDED_KEY = 'demoSeeded';

/**
 * First run on the embedded default store: fill it with a small demo set so the app opens on a
 * working queue. Runs once per profile (remembered in meta), never over existing data.
 */
export async function seedDemoDataOnFirstRun(db: ServiceDeskDb, policies: ReadonlyMap<string, Policy>, now: number, tickets = 60, rules?: DemoRules): Promise<boolean> {
  return db.transaction('rw', [db.tickets, db.timeline, db.visits, db.customers, db.engineers, db.warehouse, db.products, db.sites, db.assets, db.contracts, db.meta], async () => {
    if (await db.meta.get(SEEDED_KEY)) return false;
    if ((await db.tickets.limit(1).count()) > 0) return false;
    // With the rules, the history already holds the alerts and escalations due by now: the app opens
    // quiet. They are settled under the demo customers' contracts, which are stored below.
    const settled = rules ? { rules: { ...rules, contracts: demoContractRows() } } : {};
    const demo = generateDemoData({ tickets, now, policies, ...settled });
    // Then a few hand-written ones, each showing one obligation (due soon, paused, RFO, deferral, SPR).
    for (const s of demoScenarioTickets({ now, policies, firstNumber: tickets + 1, engineers: demoEngineers, ...settled })) {
      demo.tickets.push(s.ticket);
      demo.timeline.push(...s.events);
      demo.visits.push(...(s.visits ?? []));
    }
    await db.customers.bulkPut(demoCustomers);
    // Every demo customer's sites, installed base and contract, so clocks follow the contract.
    await db.products.bulkPut(demoCatalogue.map((p) => ({ ...p })));
    await db.sites.bulkPut(demoSites.map((s) => ({ ...s })));
    await db.assets.bulkPut(demoAssets.map((a) => ({ ...a })));
    await db.contracts.bulkPut(demoContracts.map((c) => ({ ...c })));
    await db.engineers.bulkPut(demoEngineers);
    // Spare parts, so a dispatcher without a server can check parts out for a visit.
    await db.warehouse.bulkPut(demoWarehouseParts.map((p) => ({ ...p })));
    await db.tickets.bulkPut(demo.tickets);
    await db.timeline.bulkPut(demo.timeline);
    await db.visits.bulkPut(demo.visits);
    await db.meta.put({ key: SEEDED_KEY, value: now });
    return true;
  });
}

/** The demo customers' side of the configuration, as stored by the first run. */
function demoContractRows() {
  const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
  return { products: byId(demoCatalogue), customers: byId(demoCustomers), sites: byId(demoSites), assets: byId(demoAssets), contracts: byId(demoContracts) };
}
