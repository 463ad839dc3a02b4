// The sync server refuses a new ticket or installed asset that names a product line or product
// outside the tenant's catalogue, with a coded reason, and stores nothing of it; the device runs
// the same check and refuses the same change the same way.
import { describe, expect, it } from 'vitest';
import { runMutation } from '../../renderer/src/data/mutate';
import type { Product } from '../../shared/contract';
import { addUser, inProcessServer, loginToken, makeClient, newTicket } from './harness';

const env = inProcessServer({ maxBodyBytes: 256 * 1024 });

const post = (token: string, body: unknown) =>
  env.server.fetch(new Request('http://test/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }));

type PushReply = { results: Array<{ id: number; status: string; message?: string }>; lastMutationId: number };

const product = (id: string, productLine: string, productLineName: string, name: string, retired = false): Product => ({ id, productLine, productLineName, name, versions: [], retired });
const catalogue = [product('er-4400', 'edge-routers', 'Edge routers', 'ER-4400'), product('er-9000', 'edge-routers', 'Edge routers', 'ER-9000', true), product('vault-db', 'data-vault', 'Data vault', 'Vault DB 12')];

let clientSeq = 0;
/** One push of `mutations` (numbered from 1) by a fresh client of `token`'s user. */
async function pushAll(token: string, mutations: Array<{ name: string; args: unknown }>): Promise<PushReply> {
  const clientId = `catalogue-client-${++clientSeq}`;
  const res = await post(token, { clientId, schemaVersion: 5, mutations: mutations.map((m, i) => ({ id: i + 1, ...m, clientTime: 1 })) });
  expect(res.status).toBe(200);
  return (await res.json()) as PushReply;
}

async function rows(tenant: string, tbl: string, id: string): Promise<unknown[]> {
  return env.db.query(`SELECT id FROM entities WHERE tenant_id = $1 AND tbl = $2 AND (id = $3 OR ticket_id = $3) AND NOT deleted`, [tenant, tbl, id]);
}

/** A tenant whose admin published the catalogue over HTTP; returns the admin's and an agent's tokens. */
async function tenantWithCatalogue(tenant: string): Promise<{ admin: string; agent: string }> {
  const admin = await loginToken(env.server, await addUser(env.db, tenant, 'admin'));
  const put = await pushAll(admin, catalogue.map((row) => ({ name: 'config.put@1', args: { table: 'products', row } })));
  expect(put.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  return { admin, agent: await loginToken(env.server, await addUser(env.db, tenant, 'agent')) };
}

describe('the sync server checks tickets and assets against the tenant catalogue', () => {
  it('refuses a ticket whose product line is not in the catalogue, with a coded reason, and stores no ticket and no timeline of it', async () => {
    const { agent } = await tenantWithCatalogue('t-cat-line');
    const phantom = newTicket({ productLine: 'phantom-routers', product: 'ER-4400' });
    const reply = await pushAll(agent, [{ name: 'ticket.create@1', args: { ticket: phantom } }]);
    expect(reply.results[0]).toMatchObject({ status: 'conflict' });
    expect(reply.results[0]?.message).toContain('product line "phantom-routers" is not in the product catalogue');
    expect(await rows('t-cat-line', 'tickets', phantom.id)).toHaveLength(0);
    expect(await rows('t-cat-line', 'timeline', phantom.id)).toHaveLength(0);
    // What the user sent is kept on the refusal, with its code for their language.
    const [conflict] = await env.db.query<{ data: { refusal?: { code: string; params: Record<string, unknown> }; mine: string } }>(`SELECT data FROM entities WHERE tenant_id = 't-cat-line' AND tbl = 'conflicts'`);
    expect(conflict?.data.refusal).toMatchObject({ code: 'not_in_catalogue', params: { productLine: 'phantom-routers' } });
    expect(conflict?.data.mine).toContain('phantom-routers');
    // The queue is not blocked: the client's next change still applies.
    expect(reply.lastMutationId).toBe(1);
  });

  it('refuses a product that is not one of its line, accepts a listed one and a retired one (logged before the retirement was heard of)', async () => {
    const { agent } = await tenantWithCatalogue('t-cat-product');
    const wrong = newTicket({ productLine: 'edge-routers', product: 'Vault DB 12' });
    const listed = newTicket({ productLine: 'edge-routers', product: 'ER-4400' });
    const retired = newTicket({ productLine: 'edge-routers', product: 'ER-9000' });
    const reply = await pushAll(agent, [wrong, listed, retired].map((ticket) => ({ name: 'ticket.create@1', args: { ticket } })));
    expect(reply.results.map((r) => r.status)).toEqual(['conflict', 'applied', 'applied']);
    expect(reply.results[0]?.message).toContain('product "Vault DB 12" is not a product of line "Edge routers"');
    expect(await rows('t-cat-product', 'tickets', wrong.id)).toHaveLength(0);
    expect(await rows('t-cat-product', 'tickets', listed.id)).toHaveLength(1);
  });

  it('counts a product published earlier in the same push', async () => {
    const { admin } = await tenantWithCatalogue('t-cat-same-push');
    const t = newTicket({ productLine: 'core-switches', product: 'CS-100' });
    const reply = await pushAll(admin, [
      { name: 'config.put@1', args: { table: 'products', row: product('cs-100', 'core-switches', 'Core switches', 'CS-100') } },
      { name: 'ticket.create@1', args: { ticket: t } },
    ]);
    expect(reply.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('refuses an installed asset whose product is not in the catalogue and stores nothing of it', async () => {
    const { admin } = await tenantWithCatalogue('t-cat-asset');
    const asset = (id: string, productId: string) => ({ id, customerId: 'cust-1', siteId: 'site-1', productId, version: '1.0', serial: 'SN-1' });
    const reply = await pushAll(admin, [
      { name: 'config.put@1', args: { table: 'assets', row: asset('asset-ghost', 'ghost-product') } },
      { name: 'config.put@1', args: { table: 'assets', row: asset('asset-ok', 'er-4400') } },
    ]);
    expect(reply.results.map((r) => r.status)).toEqual(['conflict', 'applied']);
    expect(reply.results[0]?.message).toContain('names product "ghost-product", which is not in the product catalogue');
    expect(await rows('t-cat-asset', 'assets', 'asset-ghost')).toHaveLength(0);
    expect(await rows('t-cat-asset', 'assets', 'asset-ok')).toHaveLength(1);
  });

  it('a tenant without a catalogue yet accepts any product line (as its intake form does)', async () => {
    const agent = await loginToken(env.server, await addUser(env.db, 't-cat-none', 'agent'));
    const reply = await pushAll(agent, [{ name: 'ticket.create@1', args: { ticket: newTicket({ productLine: 'anything', product: 'Typed name' }) } }]);
    expect(reply.results.map((r) => r.status)).toEqual(['applied']);
  });

  it('the device that pulled the catalogue refuses the same ticket with the same code before sending it', async () => {
    await tenantWithCatalogue('t-cat-device');
    const device = await makeClient(env.server, await addUser(env.db, 't-cat-device', 'agent'));
    await device.sync.syncNow();
    expect(await device.db.products.count()).toBe(3);
    const phantom = newTicket({ productLine: 'phantom-routers', product: 'ER-4400' });
    const local = await runMutation(device.db, 'ticket.create@1', { ticket: phantom });
    expect(local).toMatchObject({ outcome: 'conflict', refusal: { code: 'not_in_catalogue' } });
    expect(await device.db.tickets.get(phantom.id)).toBeUndefined();
  });
});
