import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCustomers, demoWarehouseParts } from '../shared/demo';
import { pullResponseSchema, SCHEMA_VERSION } from '../shared/sync';
import { createServer } from './app';
import { createPgliteDb } from './db/pglite';
import { migrate } from './db/migrate';
import type { Db } from './db/types';
import { DEMO_PASSWORD, demoUsers, seedDemoIfEmpty } from './seed';

let db: Db;
let server: ReturnType<typeof createServer>;

beforeAll(async () => {
  db = await createPgliteDb();
  await migrate(db);
  server = createServer({ db });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

async function post(path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await server.fetch(new Request(`http://test${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }));
  expect(res.status).toBe(200);
  return res.json();
}

describe('the demo tenant of the embedded server', () => {
  it('lists the field engineer with a calendar and skills the app knows, and stocks the demo warehouse, once', async () => {
    expect(await seedDemoIfEmpty(db)).toBe(true);
    expect(await seedDemoIfEmpty(db)).toBe(false);
    const login = (await post('/auth/login', { email: 'field@example.com', password: DEMO_PASSWORD })) as { token: string; user: { id: string } };
    const page = pullResponseSchema.parse(await post('/pull', { clientId: 'seed-test-client', cursor: 0, schemaVersion: SCHEMA_VERSION }, login.token));
    const me = page.rows.find((r) => r.table === 'engineers' && r.id === login.user.id)?.data;
    const jade = demoCustomers.find((c) => c.id === 'cust-jade');
    // The dispatcher's board checks working hours in this calendar: an unknown one ("default") made him unbookable.
    expect(me).toMatchObject({ name: 'Finn Field', role: 'field_engineer', region: jade?.region, calendarId: jade?.calendarId, skills: expect.arrayContaining(['edge-routers']) });
    expect(page.rows.filter((r) => r.table === 'engineers')).toHaveLength(demoUsers.length);
    const parts = page.rows.filter((r) => r.table === 'warehouse').map((r) => r.data);
    expect(parts).toEqual(expect.arrayContaining(demoWarehouseParts.map((p) => ({ ...p }))));
    expect(parts).toHaveLength(demoWarehouseParts.length);
  });
});
