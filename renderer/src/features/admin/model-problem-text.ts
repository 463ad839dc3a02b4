// A refused import of the customer model (products, customers, sites, assets, contracts), said in
// the administrator's language: where (file, row and column, or the JSON path) and what is wrong.
import type { ModelProblem } from '../../../../shared/contract';
import { messageText } from './validation-text';

type Translate = (key: string, options?: Record<string, unknown>) => string;

// The sentences the contract schemas state themselves, in words of each language.
// Literal values (what to type) are passed in, so no language's sentence carries Latin text.
const schemaMessages: ReadonlyArray<[RegExp, string, Record<string, string>?]> = [
  [/^required$/, 'admin.validation.required'],
  [/^not a "YYYY-MM-DD" date$/, 'admin.model.schema.date'],
  [/^not a time zone/, 'admin.model.schema.timeZone', { example: 'America/Chicago' }],
  [/^product line must be kebab-case/, 'admin.model.schema.productLine', { example: 'edge-routers' }],
  [/^the contract ends before it starts$/, 'admin.model.schema.endsBeforeStart'],
  [/^expected "HH:MM"$/, 'admin.model.schema.time'],
];

/** What is wrong, without where. */
export function modelProblemMessage(p: ModelProblem, t: Translate): string {
  if (p.code === 'schema') {
    const detail = String(p.params['detail'] ?? p.message);
    const known = schemaMessages.find(([re]) => re.test(detail));
    return known ? t(known[1], known[2]) : messageText(detail, t);
  }
  if (p.code === 'syntax') return t('admin.model.problem.syntax', { detail: p.params['detail'] });
  if (p.code === 'notBoolean') return t('admin.model.problem.notBoolean', { yes: 'yes', no: 'no' });
  const what = p.params['what'];
  return t(`admin.model.problem.${p.code}`, { ...p.params, ...(what !== undefined ? { what: t(`admin.model.tables.${String(what)}`) } : {}) });
}

/** Where the problem is: "customers.csv, row 3, column timeZone" or "contracts[2].validTo". */
export function modelProblemPlace(p: ModelProblem, t: Translate): string {
  if (p.path !== undefined) return t('admin.model.atPath', { path: p.path });
  const file = p.file || t('admin.model.theFile');
  if (p.row !== undefined && p.column) return t('admin.model.atCell', { file, row: p.row, column: p.column });
  if (p.row !== undefined) return t('admin.model.atRow', { file, row: p.row });
  return file;
}
