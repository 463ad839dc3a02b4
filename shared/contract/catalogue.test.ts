import { describe, expect, it } from 'vitest';
import { catalogueLinesOf, editCatalogue, offeredProducts, type CatalogueEdit, type CatalogueUsage } from './catalogue';
import { ticketCatalogueRefusal } from './catalogue-check';
import type { Product } from './schema';

const product = (id: string, productLine: string, productLineName: string, name: string, retired = false): Product => ({ id, productLine, productLineName, name, versions: [], retired });
const catalogue: Product[] = [
  product('er-4400', 'edge-routers', 'Edge routers', 'ER-4400'),
  product('er-9000', 'edge-routers', 'Edge routers', 'ER-9000'),
  product('vault-db', 'data-vault', 'Data vault', 'Vault DB 12'),
];
const unused: CatalogueUsage = { tickets: [], assets: [], visits: [] };
const edit = (e: CatalogueEdit, usage = unused, products = catalogue) => editCatalogue(products, e, usage);
const codes = (r: ReturnType<typeof editCatalogue>) => (r.ok ? [] : r.problems.map((p) => p.code));

describe('editing the product catalogue', () => {
  it('adds a product line with its first product, offered at intake', () => {
    const r = edit({ kind: 'addLine', lineId: 'core-switches', lineName: 'Core switches', productId: 'cs-100', productName: 'CS-100' });
    expect(r).toEqual({ ok: true, puts: [product('cs-100', 'core-switches', 'Core switches', 'CS-100')], deletes: [] });
    if (!r.ok) return;
    expect(catalogueLinesOf([...catalogue, ...r.puts]).map((l) => l.name)).toEqual(['Core switches', 'Data vault', 'Edge routers']);
  });

  it('refuses duplicate ids and names, empty names and a malformed line id, in words, and writes nothing', () => {
    expect(codes(edit({ kind: 'addLine', lineId: 'edge-routers', lineName: 'Routers', productId: 'x', productName: 'X' }))).toEqual(['duplicate_line_id']);
    expect(codes(edit({ kind: 'addLine', lineId: 'routers', lineName: 'edge ROUTERS ', productId: 'x', productName: 'X' }))).toEqual(['duplicate_line_name']);
    expect(codes(edit({ kind: 'addLine', lineId: 'core-switches', lineName: 'Core switches', productId: 'er-4400', productName: 'CS-100' }))).toEqual(['duplicate_product_id']);
    expect(codes(edit({ kind: 'addProduct', lineId: 'edge-routers', productId: 'er-4401', productName: 'er-4400' }))).toEqual(['duplicate_product_name']);
    expect(codes(edit({ kind: 'renameLine', lineId: 'data-vault', lineName: 'Edge routers' }))).toEqual(['duplicate_line_name']);
    expect(codes(edit({ kind: 'renameProduct', productId: 'vault-db', productName: '   ' }))).toEqual(['empty_name']);
    expect(codes(edit({ kind: 'addLine', lineId: 'Core Switches', lineName: 'Core switches', productId: 'cs', productName: 'CS' }))).toEqual(['bad_line_id']);
    const r = edit({ kind: 'addLine', lineId: 'core-switches', lineName: '', productId: '', productName: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(['lineName', 'productId', 'productName']);
  });

  it('the same name in two different lines is allowed (names are unique within a line)', () => {
    expect(edit({ kind: 'addProduct', lineId: 'data-vault', productId: 'dv-er', productName: 'ER-4400' }).ok).toBe(true);
  });

  it('renames and retires a line by rewriting every product of it together', () => {
    const renamed = edit({ kind: 'renameLine', lineId: 'edge-routers', lineName: 'Branch routers' });
    expect(renamed.ok && renamed.puts.map((p) => [p.id, p.productLineName])).toEqual([['er-4400', 'Branch routers'], ['er-9000', 'Branch routers']]);
    const retired = edit({ kind: 'retireLine', lineId: 'edge-routers', retired: true });
    if (!retired.ok) throw new Error('retiring a line is allowed');
    const after = [...retired.puts, catalogue[2] as Product];
    expect(catalogueLinesOf(after).find((l) => l.id === 'edge-routers')?.retired).toBe(true);
    expect(offeredProducts(after).map((p) => p.id)).toEqual(['vault-db']);
    // An installed asset of a retired product still gets support: its product stays offered for it.
    expect(offeredProducts(after, 'er-9000').map((p) => p.id)).toEqual(['er-9000', 'vault-db']);
  });

  it('a line in use cannot be deleted: the reason says where it is used; unused it can', () => {
    const usage: CatalogueUsage = {
      tickets: [{ id: 'SD-1', productLine: 'edge-routers', product: 'ER-4400' }, { id: 'SD-2', productLine: 'edge-routers', product: 'ER-9000' }],
      assets: [{ id: 'asset-7', productId: 'er-9000' }],
      visits: [{ id: 'V-3', productLine: 'edge-routers' }],
    };
    const r = edit({ kind: 'deleteLine', lineId: 'edge-routers' }, usage);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.message).toBe('it is still used by 2 ticket(s) (SD-1, SD-2), 1 installed asset(s) (asset-7), 1 visit(s) (V-3): retire it instead, it then stays on those but is no longer offered');
    expect(r.problems[0]?.params).toMatchObject({ tickets: 2, assets: 1, visits: 1, ticketIds: 'SD-1, SD-2' });
    // A product is in use by the tickets that name it (by line and name) and the assets of it.
    expect(codes(edit({ kind: 'deleteProduct', productId: 'er-4400' }, usage))).toEqual(['in_use']);
    expect(edit({ kind: 'deleteLine', lineId: 'data-vault' }, usage)).toEqual({ ok: true, puts: [], deletes: ['vault-db'] });
  });

  it('names an unknown line or product', () => {
    expect(codes(edit({ kind: 'retireLine', lineId: 'nope', retired: true }))).toEqual(['unknown_line']);
    expect(codes(edit({ kind: 'retireProduct', productId: 'nope', retired: true }))).toEqual(['unknown_product']);
  });
});

describe('a ticket against the catalogue', () => {
  it('names a listed line and product, or is refused with a coded reason; an empty catalogue accepts any', () => {
    expect(ticketCatalogueRefusal({ productLine: 'edge-routers', product: 'ER-4400' }, catalogue)).toBeUndefined();
    expect(ticketCatalogueRefusal({ productLine: 'phantom', product: 'ER-4400' }, catalogue)).toMatchObject({ code: 'not_in_catalogue', params: { productLine: 'phantom' } });
    expect(ticketCatalogueRefusal({ productLine: 'edge-routers', product: 'Vault DB 12' }, catalogue)).toMatchObject({ code: 'not_in_catalogue', params: { productLine: 'Edge routers', product: 'Vault DB 12' } });
    expect(ticketCatalogueRefusal({ productLine: 'anything', product: 'x' }, [])).toBeUndefined();
  });
});
