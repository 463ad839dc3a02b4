// The product catalogue's rules: which product lines and products exist, which are still offered,
// and what an admin may change. A product line has no row of its own: it is the products that
// carry its id and name, so renaming or retiring a line rewrites each of its products together.
// Pure, so the editor, the intake form and the sync server decide the same way.
import { productSchema, type Product } from './schema';

/** One product line of the catalogue with its products; retired when none of them is offered any more. */
export type CatalogueLine = { id: string; name: string; products: Product[]; retired: boolean };

/** The product lines, by name, each with its products by name. */
export function catalogueLinesOf(products: readonly Product[]): CatalogueLine[] {
  const lines = new Map<string, CatalogueLine>();
  for (const p of products) {
    const line = lines.get(p.productLine) ?? { id: p.productLine, name: p.productLineName, products: [], retired: true };
    line.products.push(p);
    line.retired &&= p.retired;
    lines.set(p.productLine, line);
  }
  for (const l of lines.values()) l.products.sort((a, b) => a.name.localeCompare(b.name));
  return [...lines.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * What intake offers: the products not retired, plus the product of the installed asset picked
 * (a customer still gets support for what they run after it is no longer sold).
 */
export function offeredProducts(products: readonly Product[], keepProductId?: string): Product[] {
  return products.filter((p) => !p.retired || p.id === keepProductId);
}

/** A product line id from its name: lower-case words joined by "-" (what the schema accepts). */
export function catalogueIdOf(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export type CatalogueProblemCode =
  | 'empty_name'
  | 'bad_line_id'
  | 'bad_product_id'
  | 'duplicate_product_id'
  | 'duplicate_product_name'
  | 'duplicate_line_id'
  | 'duplicate_line_name'
  | 'unknown_line'
  | 'unknown_product'
  | 'in_use';

/** A refused catalogue change: the field it concerns, a code the UI translates, and the English text. */
export type CatalogueProblem = { field: 'lineId' | 'lineName' | 'productId' | 'productName' | 'catalogue'; code: CatalogueProblemCode; message: string; params: Record<string, string | number> };

const problem = (field: CatalogueProblem['field'], code: CatalogueProblemCode, message: string, params: Record<string, string | number> = {}): CatalogueProblem => ({ field, code, message, params });

/**
 * The catalogue's invariants: product ids are unique; within a line product names are unique
 * (intake names a ticket's product by name inside its line); a line id carries one name and two
 * lines never share a name (people pick lines by name).
 */
export function catalogueProblems(products: readonly Product[]): CatalogueProblem[] {
  const out: CatalogueProblem[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  const lineNames = new Map<string, string>();
  const lineOfName = new Map<string, string>();
  const fold = (s: string) => s.trim().toLocaleLowerCase();
  for (const p of products) {
    if (!p.name.trim()) out.push(problem('productName', 'empty_name', 'a product needs a name'));
    if (!p.productLineName.trim()) out.push(problem('lineName', 'empty_name', 'a product line needs a name'));
    if (ids.has(p.id)) out.push(problem('productId', 'duplicate_product_id', `another product already has the id "${p.id}"`, { id: p.id }));
    ids.add(p.id);
    const nameKey = `${p.productLine}\u0000${fold(p.name)}`;
    if (names.has(nameKey)) out.push(problem('productName', 'duplicate_product_name', `product line "${p.productLineName}" already has a product named "${p.name}"`, { name: p.name, line: p.productLineName }));
    names.add(nameKey);
    const known = lineNames.get(p.productLine);
    if (known === undefined) lineNames.set(p.productLine, p.productLineName);
    else if (known !== p.productLineName) out.push(problem('lineName', 'duplicate_line_id', `product line "${p.productLine}" is named both "${known}" and "${p.productLineName}"`, { id: p.productLine, name: known }));
    const other = lineOfName.get(fold(p.productLineName));
    if (other !== undefined && other !== p.productLine) out.push(problem('lineName', 'duplicate_line_name', `another product line is already named "${p.productLineName}"`, { name: p.productLineName }));
    lineOfName.set(fold(p.productLineName), p.productLine);
  }
  return out;
}

/** Where a product line or product is still named: tickets, installed assets and visits (ids, for the reason shown). */
export type CatalogueUsage = {
  tickets: ReadonlyArray<{ id: string; productLine: string; product: string }>;
  assets: ReadonlyArray<{ id: string; productId: string }>;
  visits: ReadonlyArray<{ id: string; productLine?: string | undefined }>;
};

export type CatalogueEdit =
  | { kind: 'addLine'; lineId: string; lineName: string; productId: string; productName: string }
  | { kind: 'renameLine'; lineId: string; lineName: string }
  | { kind: 'retireLine'; lineId: string; retired: boolean }
  | { kind: 'deleteLine'; lineId: string }
  | { kind: 'addProduct'; lineId: string; productId: string; productName: string }
  | { kind: 'renameProduct'; productId: string; productName: string }
  | { kind: 'retireProduct'; productId: string; retired: boolean }
  | { kind: 'deleteProduct'; productId: string };

/** The rows an accepted edit writes and deletes; nothing is written when it is refused. */
export type CatalogueChange = { ok: true; puts: Product[]; deletes: string[] } | { ok: false; problems: CatalogueProblem[] };

const sample = (ids: string[]) => (ids.length > 3 ? `${ids.slice(0, 3).join(', ')} …` : ids.join(', '));

/** Why the products cannot be deleted: every place that still names them, or undefined when none does. */
function usageProblem(doomed: readonly Product[], what: string, usage: CatalogueUsage): CatalogueProblem | undefined {
  const ids = new Set(doomed.map((p) => p.id));
  const lines = new Set(doomed.map((p) => p.productLine));
  const whole = doomed.length > 0 && doomed.every((p) => p.productLine === doomed[0]?.productLine) && what === 'line';
  const named = new Set(doomed.map((p) => `${p.productLine}\u0000${p.name}`));
  const tickets = usage.tickets.filter((t) => (whole ? lines.has(t.productLine) : named.has(`${t.productLine}\u0000${t.product}`))).map((t) => t.id);
  const assets = usage.assets.filter((a) => ids.has(a.productId)).map((a) => a.id);
  const visits = whole ? usage.visits.filter((v) => v.productLine !== undefined && lines.has(v.productLine)).map((v) => v.id) : [];
  if (tickets.length + assets.length + visits.length === 0) return undefined;
  const parts = [tickets.length ? `${tickets.length} ticket(s) (${sample(tickets)})` : '', assets.length ? `${assets.length} installed asset(s) (${sample(assets)})` : '', visits.length ? `${visits.length} visit(s) (${sample(visits)})` : ''].filter(Boolean);
  return problem('catalogue', 'in_use', `it is still used by ${parts.join(', ')}: retire it instead, it then stays on those but is no longer offered`, {
    tickets: tickets.length, ticketIds: sample(tickets), assets: assets.length, assetIds: sample(assets), visits: visits.length, visitIds: sample(visits),
  });
}

/** A row checked with the product schema: its problems in words, on the form's fields. */
function parsedProduct(row: Record<string, unknown>): { ok: true; product: Product } | { ok: false; problems: CatalogueProblem[] } {
  const r = productSchema.safeParse(row);
  if (r.success) return { ok: true, product: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => {
      const f = i.path[0];
      if (f === 'productLine') return problem('lineId', 'bad_line_id', 'a product line id is lower-case letters and digits joined by "-", e.g. "edge-routers"', { example: 'edge-routers' });
      if (f === 'id') return problem('productId', 'bad_product_id', 'a product needs an id (at most 100 characters)');
      if (f === 'productLineName') return problem('lineName', 'empty_name', 'a product line needs a name (at most 200 characters)');
      return problem('productName', 'empty_name', 'a product needs a name (at most 200 characters)');
    }),
  };
}

/**
 * Applies one admin edit to the catalogue: returns the product rows to store and the ids to
 * delete, or every problem in words. A line or product still named by a ticket, an asset or a
 * visit cannot be deleted, only retired (it must stay readable where it was used).
 */
export function editCatalogue(products: readonly Product[], edit: CatalogueEdit, usage: CatalogueUsage): CatalogueChange {
  const inLine = (id: string) => products.filter((p) => p.productLine === id);
  const byId = (id: string) => products.find((p) => p.id === id);
  const refuse = (...problems: CatalogueProblem[]): CatalogueChange => ({ ok: false, problems });
  const unknownLine = (id: string) => refuse(problem('lineId', 'unknown_line', `there is no product line "${id}"`, { id }));
  const unknownProduct = (id: string) => refuse(problem('productId', 'unknown_product', `there is no product "${id}"`, { id }));
  let puts: Array<Record<string, unknown>>;
  let deletes: string[] = [];
  switch (edit.kind) {
    case 'addLine': {
      if (inLine(edit.lineId.trim()).length > 0) return refuse(problem('lineId', 'duplicate_line_id', `a product line with the id "${edit.lineId}" already exists`, { id: edit.lineId }));
      puts = [{ id: edit.productId, productLine: edit.lineId, productLineName: edit.lineName, name: edit.productName, versions: [], retired: false }];
      break;
    }
    case 'addProduct': {
      const line = inLine(edit.lineId);
      if (line.length === 0) return unknownLine(edit.lineId);
      puts = [{ id: edit.productId, productLine: edit.lineId, productLineName: line[0]?.productLineName ?? '', name: edit.productName, versions: [], retired: false }];
      break;
    }
    case 'renameLine':
    case 'retireLine': {
      const line = inLine(edit.lineId);
      if (line.length === 0) return unknownLine(edit.lineId);
      puts = line.map((p) => (edit.kind === 'renameLine' ? { ...p, productLineName: edit.lineName } : { ...p, retired: edit.retired }));
      break;
    }
    case 'renameProduct':
    case 'retireProduct': {
      const p = byId(edit.productId);
      if (!p) return unknownProduct(edit.productId);
      puts = [edit.kind === 'renameProduct' ? { ...p, name: edit.productName } : { ...p, retired: edit.retired }];
      break;
    }
    case 'deleteLine':
    case 'deleteProduct': {
      const doomed = edit.kind === 'deleteLine' ? inLine(edit.lineId) : [byId(edit.productId)].filter((p): p is Product => p !== undefined);
      if (doomed.length === 0) return edit.kind === 'deleteLine' ? unknownLine(edit.lineId) : unknownProduct(edit.productId);
      const used = usageProblem(doomed, edit.kind === 'deleteLine' ? 'line' : 'product', usage);
      if (used) return refuse(used);
      puts = [];
      deletes = doomed.map((p) => p.id);
      break;
    }
  }
  const parsed = puts.map(parsedProduct);
  const bad = parsed.flatMap((r) => (r.ok ? [] : r.problems));
  if (bad.length > 0) return refuse(...bad);
  const rows = parsed.flatMap((r) => (r.ok ? [r.product] : []));
  if (edit.kind === 'addLine' || edit.kind === 'addProduct') {
    const id = rows[0]?.id ?? '';
    if (byId(id)) return refuse(problem('productId', 'duplicate_product_id', `another product already has the id "${id}"`, { id }));
  }
  const replaced = new Set([...rows.map((p) => p.id), ...deletes]);
  const after = [...products.filter((p) => !replaced.has(p.id)), ...rows];
  // Only problems the edit brings count: an imported catalogue may already break a rule elsewhere.
  const before = new Set(catalogueProblems(products).map((p) => p.message));
  const fresh = catalogueProblems(after).filter((p) => !before.has(p.message));
  if (fresh.length > 0) return refuse(...fresh);
  return { ok: true, puts: rows, deletes };
}
