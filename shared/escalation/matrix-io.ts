import type { z } from 'zod';
import { isValidEmailAddress } from '../mail/address';
import { CsvSyntaxError, readCsv, writeCsv } from '../csv';
import type { EscalationContact, EscalationMatrix, RoutingRow } from './schema';
import { escalationMatrixSchema, normalizeRoutingKey } from './schema';

/** A validation problem found while importing; `text` is ready to show ("row 7, column email: not an e-mail address"). */
export type MatrixImportError = { row?: number; column?: string; path?: string; message: string; text: string };
export type MatrixImportResult = { ok: true; matrix: EscalationMatrix } | { ok: false; errors: MatrixImportError[] };

function rowError(row: number, column: string | undefined, message: string): MatrixImportError {
  return { row, ...(column ? { column } : {}), message, text: `row ${row}${column ? `, column ${column}` : ''}: ${message}` };
}

function schemaErrors(error: z.ZodError): MatrixImportError[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    return { path, message: i.message, text: `${path || 'matrix'}: ${i.message}` };
  });
}

/** Exports a matrix as pretty-printed JSON (the full definition: levels, rules, templates). */
export function exportEscalationMatrixJson(matrix: EscalationMatrix): string {
  return `${JSON.stringify(matrix, null, 2)}\n`;
}

/** Parses and validates a matrix from JSON text; every problem is reported with its path. */
export function importEscalationMatrixJson(text: string): MatrixImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = `not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, errors: [{ message, text: message }] };
  }
  const r = escalationMatrixSchema.safeParse(data);
  return r.success ? { ok: true, matrix: r.data } : { ok: false, errors: schemaErrors(r.error) };
}

/** The CSV columns, in export order; `label` is optional on import. */
export const matrixCsvColumns = ['level', 'kind', 'key', 'name', 'email', 'mailbox', 'label'] as const;
type Column = (typeof matrixCsvColumns)[number];
const REQUIRED: readonly Column[] = ['level', 'kind', 'key', 'name', 'email', 'mailbox'];

const KIND_OF_LEVEL = { fixed: 'fixed', by_product_line: 'product_line', by_region: 'region', by_area: 'area' } as const;
const KEY_SEPARATOR = ' | ';

function contactRows(levelId: string, kind: string, key: string, contacts: readonly EscalationContact[], mailbox: string | undefined, label: string | undefined): string[][] {
  const base = (name: string, email: string): string[] => [levelId, kind, key, name, email, mailbox ?? '', label ?? ''];
  return contacts.length ? contacts.map((c) => base(c.name, c.email ?? '')) : [base('', '')];
}

/**
 * Exports the routing tables as CSV, one row per contact (a mailbox-only row has empty name and
 * email). Levels, auto rules and templates stay in JSON; the CSV is for editing who is reached.
 */
export function exportEscalationMatrixCsv(matrix: EscalationMatrix): string {
  const rows: string[][] = [[...matrixCsvColumns]];
  for (const level of matrix.levels) {
    if (level.kind === 'customer_comment') continue;
    const kind = KIND_OF_LEVEL[level.kind];
    if (level.kind === 'fixed') {
      if (level.contacts.length || level.mailbox) rows.push(...contactRows(level.id, kind, '', level.contacts, level.mailbox, undefined));
      continue;
    }
    for (const row of level.rows) rows.push(...contactRows(level.id, kind, row.keys.join(KEY_SEPARATOR), row.contacts, row.mailbox, row.label));
  }
  return writeCsv(rows);
}

type Group = { firstRow: number; keys: string[]; label?: string; mailbox?: string; mailboxRow?: number; contacts: EscalationContact[] };

/**
 * Replaces the routing tables of `base` with the contacts in the CSV (header row required; columns
 * by name, any order). Nothing changes unless the whole file is valid; every error names its row
 * (the header is row 1) and column.
 */
export function importEscalationMatrixCsv(text: string, base: EscalationMatrix): MatrixImportResult {
  let records: string[][];
  try {
    records = readCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, errors: [rowError(e.row, undefined, e.message.replace(/^row \d+: /, ''))] };
    throw e;
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, errors: [rowError(1, undefined, `missing column(s) ${missing.join(', ')} (expected ${matrixCsvColumns.join(', ')})`)] };

  const errors: MatrixImportError[] = [];
  const groups = new Map<string, Map<string, Group>>(); // level id -> normalized key -> group
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    if (record.length === 1 && record[0]?.trim() === '') return; // blank line
    if (record.length !== header.length) {
      errors.push(rowError(row, undefined, `has ${record.length} fields, the header has ${header.length}`));
      return;
    }
    const cell = (c: Column): string => {
      const at = header.indexOf(c);
      return at < 0 ? '' : (record[at] ?? '').trim();
    };
    const before = errors.length;
    const levelId = cell('level');
    const level = base.levels.find((l) => l.id === levelId);
    if (!level) errors.push(rowError(row, 'level', `no level "${levelId}" in the matrix (levels: ${base.levels.map((l) => l.id).join(', ')})`));
    else if (level.kind === 'customer_comment') errors.push(rowError(row, 'level', `level "${levelId}" is the customer's own step and has no contacts`));
    else if (cell('kind') !== KIND_OF_LEVEL[level.kind]) errors.push(rowError(row, 'kind', `level "${levelId}" routes by "${KIND_OF_LEVEL[level.kind]}", not "${cell('kind')}"`));
    const keys = cell('key').split('|').map((k) => k.trim()).filter((k) => k !== '');
    if (level && level.kind !== 'fixed' && level.kind !== 'customer_comment' && keys.length === 0) errors.push(rowError(row, 'key', 'empty; name the product line, region or area'));
    if (level?.kind === 'fixed' && keys.length > 0) errors.push(rowError(row, 'key', 'must be empty for a fixed level'));
    const name = cell('name');
    const email = cell('email');
    const mailbox = cell('mailbox');
    if (email !== '' && !isValidEmailAddress(email)) errors.push(rowError(row, 'email', `not an e-mail address: "${email}"`));
    if (mailbox !== '' && !isValidEmailAddress(mailbox)) errors.push(rowError(row, 'mailbox', `not an e-mail address: "${mailbox}"`));
    if (email !== '' && name === '') errors.push(rowError(row, 'name', 'empty; who owns this address?'));
    if (name !== '' && email === '' && mailbox === '') errors.push(rowError(row, 'email', 'empty; give an e-mail or a mailbox'));
    if (name === '' && email === '' && mailbox === '') errors.push(rowError(row, 'mailbox', 'empty; a row needs a contact or a mailbox'));
    if (errors.length > before || !level) return;

    const byKey = groups.get(levelId) ?? new Map<string, Group>();
    groups.set(levelId, byKey);
    const gk = keys.map(normalizeRoutingKey).join('|');
    const group = byKey.get(gk) ?? { firstRow: row, keys, contacts: [] };
    byKey.set(gk, group);
    if (mailbox !== '') {
      if (group.mailbox && group.mailbox.toLowerCase() !== mailbox.toLowerCase()) errors.push(rowError(row, 'mailbox', `"${mailbox}" differs from "${group.mailbox}" given for the same key in row ${group.mailboxRow ?? group.firstRow}`));
      else if (!group.mailbox) Object.assign(group, { mailbox, mailboxRow: row });
    }
    if (cell('label') !== '' && !group.label) group.label = cell('label');
    if (name !== '') group.contacts.push({ name, ...(email ? { email } : {}) });
  });
  if (errors.length) return { ok: false, errors };

  const empty = base.levels.filter((l) => (l.kind === 'by_product_line' || l.kind === 'by_region' || l.kind === 'by_area') && !groups.has(l.id));
  if (empty.length) {
    return { ok: false, errors: empty.map((l) => ({ path: `levels.${l.id}`, message: `level "${l.id}" has no rows in the file`, text: `level "${l.id}" has no rows in the file` })) };
  }
  const firstRowOf: number[][] = [];
  const levels = base.levels.map((level, li) => {
    const found = [...(groups.get(level.id)?.values() ?? [])];
    firstRowOf[li] = found.map((g) => g.firstRow);
    if (level.kind === 'customer_comment') return level;
    if (level.kind === 'fixed') {
      const g = found[0];
      return { ...level, contacts: g?.contacts ?? [], mailbox: g?.mailbox };
    }
    const rows: RoutingRow[] = found.map((g) => ({ keys: g.keys, contacts: g.contacts, ...(g.label ? { label: g.label } : {}), ...(g.mailbox ? { mailbox: g.mailbox } : {}) }));
    return { ...level, rows };
  });
  const r = escalationMatrixSchema.safeParse({ ...base, levels });
  if (r.success) return { ok: true, matrix: r.data };
  // Map schema problems back to the CSV row that produced the routing row where possible.
  return {
    ok: false,
    errors: r.error.issues.map((issue) => {
      const [top, li, sub, ri] = issue.path;
      const row = top === 'levels' && typeof li === 'number' ? (sub === 'rows' && typeof ri === 'number' ? firstRowOf[li]?.[ri] : firstRowOf[li]?.[0]) : undefined;
      const levelId = typeof li === 'number' ? base.levels[li]?.id : undefined;
      const message = levelId ? `level "${levelId}": ${issue.message}` : issue.message;
      return row !== undefined ? rowError(row, undefined, message) : { path: issue.path.map(String).join('.'), message, text: message };
    }),
  };
}
