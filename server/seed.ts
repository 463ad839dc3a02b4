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

/** Seeds the demo tenant once, when the database has no users at all. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM users');
  if (Number(row?.n ?? 0) > 0) return false;
  for (const u of demoUsers) await createUser(db, { tenant: DEMO_TENANT, password: DEMO_PASSWORD, ...u });
  return true;
}
