// The CSV columns of each table of the customer model (product catalogue, customers, sites,
// assets, contracts). One column per field; a cell's kind says how it is written:
//   text     the text as is (an empty cell is an empty text)
//   opt      an empty cell leaves the field out
//   list     items separated by ";" (a JSON array when an item itself holds ";" or starts with "[")
//   optList  like list, but an empty cell leaves the field out and "[]" is the empty list
//   bool     yes / no (true/false and 1/0 are read too)
//   json     JSON (contract coverage, inspection plan); an empty cell leaves the field out
import type { ConfigTable } from '../config/presets';

export const modelTables = ['products', 'customers', 'sites', 'assets', 'contracts'] as const satisfies readonly ConfigTable[];
export type ModelTable = (typeof modelTables)[number];

export type CellKind = 'text' | 'opt' | 'list' | 'optList' | 'bool' | 'json';

export type ModelColumn = {
  /** The header cell. */
  name: string;
  /** Where the value sits in the row (a nested field such as a customer's site address has two steps). */
  path: readonly string[];
  kind: CellKind;
  /** A header without this column is refused (every row would lack a value the row needs). */
  required?: boolean;
};

const col = (name: string, kind: CellKind = 'text', required = false, path: readonly string[] = [name]): ModelColumn => ({ name, path, kind, ...(required ? { required } : {}) });

export const modelColumns: Record<ModelTable, readonly ModelColumn[]> = {
  products: [col('id', 'text', true), col('productLine', 'text', true), col('productLineName', 'text', true), col('name', 'text', true), col('versions', 'list'), col('retired', 'bool')],
  customers: [
    col('id', 'text', true), col('name', 'text', true), col('region', 'text', true), col('contractNumber'), col('contractTier', 'text', true),
    col('policyId', 'text', true), col('calendarId', 'text', true), col('language', 'opt'),
    col('siteAddress', 'text', false, ['site', 'address']), col('siteTimeZone', 'text', false, ['site', 'timeZone']),
    col('emailDomains', 'optList'), col('contactName', 'opt'), col('contactEmail', 'opt'), col('contactPhone', 'opt'),
  ],
  sites: [col('id', 'text', true), col('customerId', 'text', true), col('name', 'text', true), col('address'), col('region', 'text', true), col('timeZone', 'text', true), col('calendarId', 'opt'), col('travelNotes')],
  assets: [col('id', 'text', true), col('customerId', 'text', true), col('siteId', 'text', true), col('productId', 'text', true), col('version'), col('serial')],
  contracts: [
    col('id', 'text', true), col('number', 'text', true), col('customerId', 'text', true), col('policyId', 'text', true), col('tier', 'text', true),
    col('validFrom', 'text', true), col('validTo', 'text', true), col('siteIds', 'list'), col('assetIds', 'list'), col('language', 'opt'),
    col('escalationMatrixId', 'opt'), col('eDownEligible', 'bool'), col('rfoEligible', 'bool'), col('onSite', 'bool', false, ['onSite', 'included']),
    col('coverage', 'json'), col('inspectionPlan', 'json'), col('illustrative', 'bool'), col('note'),
  ],
};

/** The column a field path (e.g. a schema issue's) belongs to: the longest column path it starts with. */
export function columnOfPath(table: ModelTable, path: readonly PropertyKey[]): ModelColumn | undefined {
  let best: ModelColumn | undefined;
  for (const c of modelColumns[table]) {
    if (c.path.every((step, i) => path[i] === step) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best ?? modelColumns[table].find((c) => c.path[0] === path[0]);
}

/**
 * Which table a CSV file holds, told by its header: the table sharing the most column names with
 * it (fewest unknown ones breaking ties). A header with a missing required column still finds its
 * table, so the problem can be named ("column calendarId is missing") rather than "unknown file".
 */
export function tableOfHeader(header: readonly string[]): ModelTable | undefined {
  const names = new Set(header.map((h) => h.trim()));
  let best: { table: ModelTable; shared: number; unknown: number } | undefined;
  for (const table of modelTables) {
    const known = new Set(modelColumns[table].map((c) => c.name));
    const shared = [...names].filter((n) => known.has(n)).length;
    const unknown = names.size - shared;
    if (!best || shared > best.shared || (shared === best.shared && unknown < best.unknown)) best = { table, shared, unknown };
  }
  // Every table has "id"; a file sharing only that (or nothing) is not one of ours.
  return best && best.shared >= 2 ? best.table : undefined;
}
