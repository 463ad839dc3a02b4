import { createUser } from './auth';
import type { Db } from './db/types';
import type { UserRole } from '../shared/directory/schema';

export const DEMO_TENANT = 'demo';
export const DEMO_PASSWORD = 'demo-password';
/** Invented people for the embedded demo server; the credentials are documented in the README. */
export const demoUsers: ReadonlyArray<{ email: string; name: string; role: UserRole; region: string }> = [
  { email: 'agent@example.com', name: 'Alex Agent', role: 'agent', region: 'north' },
  { email: 'dispatcher@example.com', name: 'Dana Dispatcher', role: 'dispatcher', region: 'north' },
  { email: 'field@example.com', name: 'Finn Field', role: 'field_engineer', region: 'north' },
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', region: 'north' },
];

/** Invented spare parts for the demo warehouse (synced table `warehouse`, id = part id). */
export const demoParts: ReadonlyArray<{ id: string; name: string; onHand: number }> = [
  { id: 'psu-650w', name: 'Power supply 650 W', onHand: 6 },
  { id: 'fan-tray-r9', name: 'Fan tray (R9 chassis)', onHand: 4 },
  { id: 'sfp-10g-lr', name: 'SFP+ 10G LR optic', onHand: 20 },
  { id: 'line-card-48p', name: 'Line card 48-port', onHand: 2 },
];

/** Publishes the demo parts list in one version, as if an admin had stocked the warehouse. */
export async function seedDemoWarehouse(db: Db, tenant = DEMO_TENANT): Promise<void> {
  await db.transaction(async (tx) => {
    const [v] = await tx.query<{ version: string | number }>('UPDATE tenants SET version = version + 1 WHERE id = $1 RETURNING version', [tenant]);
    for (const p of demoParts) {
      await tx.query(
        `INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, fv, version) VALUES ($1, 'warehouse', $2, NULL, $3, '{}', $4) ON CONFLICT (tenant_id, tbl, id) DO NOTHING`,
        [tenant, p.id, JSON.stringify(p), Number(v?.version)],
      );
    }
  });
}

/** Seeds the demo tenant once, when the database has no users at all. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM users');
  if (Number(row?.n ?? 0) > 0) return false;
  for (const u of demoUsers) await createUser(db, { tenant: DEMO_TENANT, password: DEMO_PASSWORD, ...u });
  await seedDemoWarehouse(db);
  return true;
}
