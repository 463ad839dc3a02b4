// Reading and writing the customer model (catalogue, customers, sites, assets, contracts) as CSV,
// one file per table, and checking a whole import before anything is stored: every row against
// its table's schema, ids unique, and every reference (a site's customer, an asset's product, a
// contract's policy, sites, assets, matrix and calendars) pointing at a row in the file or in the app.
import type { z } from 'zod';
import { CsvSyntaxError, readCsv, writeCsv } from '../csv/csv';
import { customerSchema } from '../directory/schema';
import { assetSchema, contractSchema, productSchema, siteSchema } from './schema';
import { columnOfPath, modelColumns, modelTables, tableOfHeader, type ModelColumn, type ModelTable } from './model-columns';

export type ModelRows = { [T in ModelTable]: { id: string }[] };

/**
 * One reason an import is refused. `row` and `column` locate it in a CSV file (row 1 is the
 * header, as a spreadsheet numbers it); `path` locates it in a JSON file (`contracts[2].validTo`).
 * `code` and `params` let the screen say it in the user's language; `message` is the English.
 */
export type ModelProblem = {
  table?: ModelTable;
  file?: string;
  row?: number;
  column?: string;
  path?: string;
  id?: string;
  code: 'syntax' | 'empty' | 'unknownTable' | 'missingColumn' | 'unknownColumn' | 'cellCount' | 'notBoolean' | 'notJson' | 'schema' | 'duplicate' | 'unknownRef';
  params: Record<string, string | number>;
  message: string;
};

/** Turns a schema issue into words (the screen passes one in the user's language). */
export type IssueWords = (issue: z.core.$ZodRawIssue) => string;

const schemas: Record<ModelTable, z.ZodType<{ id: string }>> = { products: productSchema, customers: customerSchema, sites: siteSchema, assets: assetSchema, contracts: contractSchema };

export function emptyModel(): ModelRows {
  return { products: [], customers: [], sites: [], assets: [], contracts: [] };
}

function valueAt(row: unknown, path: readonly string[]): unknown {
  let v: unknown = row;
  for (const step of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[step] : undefined;
  return v;
}

function setAt(row: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let target = row;
  path.slice(0, -1).forEach((step) => {
    const next = target[step];
    target = (target[step] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>;
  });
  target[path[path.length - 1] ?? ''] = value;
}

function listCell(items: readonly string[]): string {
  const needsJson = items.some((x) => x.includes(';')) || (items[0] ?? '').startsWith('[') || items.some((x) => x !== x.trim() || x === '');
  return needsJson ? JSON.stringify(items) : items.join(';');
}

function encodeCell(kind: ModelColumn['kind'], v: unknown): string {
  if (v === undefined) return '';
  switch (kind) {
    case 'text':
    case 'opt':
      return String(v);
    case 'list':
      return listCell(v as string[]);
    case 'optList':
      return (v as string[]).length === 0 ? '[]' : listCell(v as string[]);
    case 'bool':
      return v ? 'yes' : 'no';
    case 'json':
      return Array.isArray(v) && v.length === 0 ? '' : JSON.stringify(v);
  }
}

type Decoded = { ok: true; present: boolean; value?: unknown } | { ok: false; code: 'notBoolean' | 'notJson' };

function decodeCell(kind: ModelColumn['kind'], cell: string): Decoded {
  if (kind === 'text') return { ok: true, present: true, value: cell };
  if (cell.trim() === '') return kind === 'list' ? { ok: true, present: true, value: [] } : { ok: true, present: false };
  switch (kind) {
    case 'opt':
      return { ok: true, present: true, value: cell };
    case 'list':
    case 'optList': {
      if (!cell.trimStart().startsWith('[')) return { ok: true, present: true, value: cell.split(';').map((x) => x.trim()) };
      try {
        const v: unknown = JSON.parse(cell);
        return Array.isArray(v) ? { ok: true, present: true, value: v } : { ok: false, code: 'notJson' };
      } catch {
        return { ok: false, code: 'notJson' };
      }
    }
    case 'bool': {
      const b = cell.trim().toLowerCase();
      if (['yes', 'true', '1'].includes(b)) return { ok: true, present: true, value: true };
      if (['no', 'false', '0'].includes(b)) return { ok: true, present: true, value: false };
      return { ok: false, code: 'notBoolean' };
    }
    case 'json':
      try {
        return { ok: true, present: true, value: JSON.parse(cell) as unknown };
      } catch {
        return { ok: false, code: 'notJson' };
      }
  }
}

/** A table's rows as CSV (header first), safe to open in a spreadsheet; reading it back gives the same rows. */
export function modelRowsToCsv(table: ModelTable, rows: readonly { id: string }[]): string {
  const cols = modelColumns[table];
  return writeCsv([cols.map((c) => c.name), ...rows.map((r) => cols.map((c) => encodeCell(c.kind, valueAt(r, c.path))))]);
}

const english: Record<ModelProblem['code'], (p: Record<string, string | number>) => string> = {
  syntax: (p) => `the file is not valid CSV: ${p['detail']}`,
  empty: () => 'the file has no header row',
  unknownTable: () => 'the header names no table of the model (expected the columns of an exported products, customers, sites, assets or contracts file)',
  missingColumn: (p) => `column "${p['column']}" is missing`,
  unknownColumn: (p) => `column "${p['column']}" is not one of this table's`,
  cellCount: (p) => `the row has ${p['cells']} cells, the header ${p['columns']}`,
  notBoolean: () => 'expected yes or no',
  notJson: () => 'not valid JSON',
  schema: (p) => String(p['detail']),
  duplicate: (p) => `id "${p['id']}" appears twice`,
  unknownRef: (p) => `no ${p['what']} with id "${p['id']}"`,
};

export function problem(code: ModelProblem['code'], params: Record<string, string | number>, where: Omit<ModelProblem, 'code' | 'params' | 'message'>): ModelProblem {
  return { ...where, code, params, message: english[code](params) };
}

/** A row checked with its table's schema; problems name the CSV column or the JSON path of each bad field. */
export function checkModelRow(table: ModelTable, raw: unknown, where: { row?: number; jsonIndex?: number; file?: string }, words?: IssueWords): { row?: { id: string }; problems: ModelProblem[] } {
  const r = schemas[table].safeParse(raw, words ? { error: words } : undefined);
  if (r.success) return { row: r.data, problems: [] };
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
  return {
    problems: r.error.issues.map((i) => problem('schema', { detail: i.message }, {
      table, ...(where.file ? { file: where.file } : {}), ...(id ? { id } : {}),
      ...(where.row !== undefined ? { row: where.row, column: columnOfPath(table, i.path)?.name ?? String(i.path[0] ?? '') } : {}),
      ...(where.jsonIndex !== undefined ? { path: [`${table}[${where.jsonIndex}]`, ...i.path.map(String)].join('.') } : {}),
    })),
  };
}

export type CsvParseResult = { ok: true; table: ModelTable; rows: { id: string }[]; rowNumbers: number[] } | { ok: false; table?: ModelTable; problems: ModelProblem[] };

/** Reads one CSV file of the model; the table is told by its header. Nothing is returned unless every row is valid. */
export function parseModelCsv(text: string, file = '', words?: IssueWords): CsvParseResult {
  const at = file ? { file } : {};
  let records: string[][];
  try {
    records = readCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, problems: [problem('syntax', { detail: e.message }, { ...at, row: e.row })] };
    throw e;
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, problems: [problem('empty', {}, at)] };
  const table = tableOfHeader(header);
  if (!table) return { ok: false, problems: [problem('unknownTable', {}, { ...at, row: 1 })] };
  const names = header.map((h) => h.trim());
  const cols = modelColumns[table];
  const problems: ModelProblem[] = [];
  for (const c of cols) if (c.required && !names.includes(c.name)) problems.push(problem('missingColumn', { column: c.name }, { ...at, table, row: 1, column: c.name }));
  for (const n of names) if (!cols.some((c) => c.name === n)) problems.push(problem('unknownColumn', { column: n }, { ...at, table, row: 1, column: n }));
  if (problems.length > 0) return { ok: false, table, problems };
  const rows: { id: string }[] = [];
  const rowNumbers: number[] = [];
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    if (cells.length !== names.length) return void problems.push(problem('cellCount', { cells: cells.length, columns: names.length }, { ...at, table, row: rowNo }));
    const raw: Record<string, unknown> = {};
    let cellsOk = true;
    names.forEach((name, k) => {
      const c = cols.find((x) => x.name === name);
      if (!c) return;
      const d = decodeCell(c.kind, cells[k] ?? '');
      if (!d.ok) {
        cellsOk = false;
        problems.push(problem(d.code, {}, { ...at, table, row: rowNo, column: name }));
      } else if (d.present) setAt(raw, c.path, d.value);
    });
    if (!cellsOk) return;
    const r = checkModelRow(table, raw, { row: rowNo, ...at }, words);
    problems.push(...r.problems);
    if (r.row) {
      rows.push(r.row);
      rowNumbers.push(rowNo);
    }
  });
  problems.push(...duplicateProblems(table, rows.map((r, i) => ({ id: r.id, where: { ...at, row: rowNumbers[i] ?? 0 } }))));
  return problems.length > 0 ? { ok: false, table, problems } : { ok: true, table, rows, rowNumbers };
}

export function duplicateProblems(table: ModelTable, rows: readonly { id: string; where: Partial<ModelProblem> }[]): ModelProblem[] {
  const seen = new Set<string>();
  const out: ModelProblem[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) out.push(problem('duplicate', { id: r.id }, { table, id: r.id, ...r.where, ...(r.where.row !== undefined ? { column: 'id' } : {}) }));
    seen.add(r.id);
  }
  return out;
}

/** Ids the app already has, which imported rows may name. */
export type KnownIds = { [T in ModelTable | 'policies' | 'calendars' | 'escalationMatrices']?: ReadonlySet<string> };

type Ref = { field: string; what: ModelTable | 'policies' | 'calendars' | 'escalationMatrices'; ids: (row: Record<string, unknown>) => string[] };
const one = (field: string) => (row: Record<string, unknown>) => (typeof row[field] === 'string' ? [row[field]] : []);
const many = (field: string) => (row: Record<string, unknown>) => (Array.isArray(row[field]) ? (row[field] as string[]) : []);

const references: Record<ModelTable, readonly Ref[]> = {
  products: [],
  customers: [{ field: 'policyId', what: 'policies', ids: one('policyId') }, { field: 'calendarId', what: 'calendars', ids: one('calendarId') }],
  sites: [{ field: 'customerId', what: 'customers', ids: one('customerId') }, { field: 'calendarId', what: 'calendars', ids: one('calendarId') }],
  assets: [{ field: 'customerId', what: 'customers', ids: one('customerId') }, { field: 'siteId', what: 'sites', ids: one('siteId') }, { field: 'productId', what: 'products', ids: one('productId') }],
  contracts: [
    { field: 'customerId', what: 'customers', ids: one('customerId') }, { field: 'policyId', what: 'policies', ids: one('policyId') },
    { field: 'siteIds', what: 'sites', ids: many('siteIds') }, { field: 'assetIds', what: 'assets', ids: many('assetIds') },
    { field: 'escalationMatrixId', what: 'escalationMatrices', ids: one('escalationMatrixId') },
    { field: 'coverage', what: 'calendars', ids: (row) => (Array.isArray(row['coverage']) ? (row['coverage'] as { calendarId?: string }[]).flatMap((r) => (r.calendarId ? [r.calendarId] : [])) : []) },
  ],
};

/**
 * Every reference of the imported rows that points nowhere. `locate` says where a row sits
 * (CSV row or JSON index) so the problem can name it.
 */
export function referenceProblems(model: ModelRows, known: KnownIds, locate: (table: ModelTable, index: number, field: string) => Partial<ModelProblem>): ModelProblem[] {
  const ids = (what: Ref['what']): Set<string> => new Set([...(known[what] ?? []), ...(what in model ? model[what as ModelTable].map((r) => r.id) : [])]);
  const out: ModelProblem[] = [];
  for (const table of modelTables) {
    model[table].forEach((row, index) => {
      for (const ref of references[table]) {
        const present = ids(ref.what);
        for (const id of ref.ids(row as Record<string, unknown>)) {
          if (!present.has(id)) out.push(problem('unknownRef', { what: ref.what, id }, { table, id: row.id, ...locate(table, index, ref.field) }));
        }
      }
    });
  }
  return out;
}
