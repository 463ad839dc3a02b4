import { createUser } from './auth';
import { hashPassword } from './passwords';
import type { Db } from './db/types';
import type { UserRole } from '../shared/directory/schema';
import { demoWarehouseParts } from '../shared/demo/warehouse';

export const DEMO_TENANT = 'demo';
export const DEMO_PASSWORD = 'demo-password';
export type DemoUser = { email: string; name: string; role: UserRole; region: string; calendarId: string; skills: string[] };

/**
 * Invented people for the embedded demo server; the credentials are documented in the README.
 * Regions, calendars and skills are those of the app's demo data (shared/demo), so the dispatcher
 * can book the field engineer for the demo customers' tickets without warnings.
 */
export const demoUsers: ReadonlyArray<DemoUser> = [
  { email: 'agent@example.com', name: 'Alex Agent', role: 'agent', region: 'apac-cjks', calendarId: 'china-2026-2027', skills: [] },
  { email: 'dispatcher@example.com', name: 'Dana Dispatcher', role: 'dispatcher', region: 'apac-cjks', calendarId: 'china-2026-2027', skills: [] },
  { email: 'field@example.com', name: 'Finn Field', role: 'field_engineer', region: 'apac-cjks', calendarId: 'china-2026-2027', skills: ['edge-routers', 'secure-gateway', 'data-vault'] },
  // A second field engineer in the same region, so a dispatcher can hand a visit over (and see
  // what happens when the first engineer is already working on it offline).
  { email: 'field2@example.com', name: 'Sam Site', role: 'field_engineer', region: 'apac-cjks', calendarId: 'china-2026-2027', skills: ['edge-routers', 'secure-gateway'] },
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', region: 'apac-cjks', calendarId: 'china-2026-2027', skills: [] },
];

/**
 * Publishes a user's working calendar and skills in the tenant's engineer directory (a new
 * version, so devices pull it). createUser lists every new user with the calendar "default",
 * which no device knows: the board could not book them.
 */
export async function publishEngineerProfile(db: Db, tenant: string, userId: string, profile: { calendarId: string; skills: string[] }): Promise<void> {
  await db.transaction(async (tx) => {
    const [v] = await tx.query<{ version: string | number }>('UPDATE tenants SET version = version + 1 WHERE id = $1 RETURNING version', [tenant]);
    const version = Number(v?.version);
    const stamp = { v: version, c: 'server' };
    await tx.query(
      `UPDATE entities SET data = data || $3::jsonb, fv = fv || $4::jsonb, version = $5 WHERE tenant_id = $1 AND tbl = 'engineers' AND id = $2`,
      [tenant, userId, JSON.stringify(profile), JSON.stringify({ calendarId: stamp, skills: stamp }), version],
    );
  });
}

/** Invented spare parts for the demo warehouse (synced table `warehouse`, id = part id): the app's demo parts. */
export const demoParts = demoWarehouseParts;

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
  // One hash for the shared, published password: each costs seconds on a busy machine.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const { calendarId, skills, ...u } of demoUsers) {
    const user = await createUser(db, { tenant: DEMO_TENANT, password: DEMO_PASSWORD, passwordHash, ...u });
    await publishEngineerProfile(db, DEMO_TENANT, user.id, { calendarId, skills });
  }
  await seedDemoWarehouse(db);
  return true;
}
