// A whole import of the customer model checked at once, from CSV files (one per table, in any
// number) or from the sections of a JSON configuration file. The result is either every row, ready
// to store together, or every problem found; never a part of the rows.
import { modelColumns, modelTables, type ModelTable } from './model-columns';
import { checkModelRow, duplicateProblems, emptyModel, parseModelCsv, referenceProblems, type IssueWords, type KnownIds, type ModelProblem, type ModelRows } from './model-io';

export type ModelImportResult = { ok: true; model: ModelRows } | { ok: false; problems: ModelProblem[] };

/** The column a reference field is written in (a contract's "coverage" calendar is in the coverage column). */
function columnOf(table: ModelTable, field: string): string {
  return modelColumns[table].find((c) => c.path[0] === field)?.name ?? field;
}

/** Reads CSV files of the model together: a contracts file may name customers from a customers file beside it. */
export function parseModelCsvFiles(files: readonly { name: string; text: string }[], known: KnownIds, words?: IssueWords): ModelImportResult {
  const model = emptyModel();
  const origin: { [T in ModelTable]: { file: string; row: number }[] } = { products: [], customers: [], sites: [], assets: [], contracts: [] };
  const problems: ModelProblem[] = [];
  for (const f of files) {
    const r = parseModelCsv(f.text, f.name, words);
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    model[r.table].push(...r.rows);
    origin[r.table].push(...r.rowNumbers.map((row) => ({ file: f.name, row })));
  }
  if (problems.length > 0) return { ok: false, problems };
  for (const table of modelTables) {
    // Duplicates within one file stopped us above; these are ids repeated across files.
    problems.push(...duplicateProblems(table, model[table].map((r, i) => ({ id: r.id, where: { file: origin[table][i]?.file ?? '', row: origin[table][i]?.row ?? 0 } }))));
  }
  problems.push(...referenceProblems(model, known, (table, index, field) => ({ file: origin[table][index]?.file ?? '', row: origin[table][index]?.row ?? 0, column: columnOf(table, field) })));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, model };
}

/** Checks the model sections of a JSON configuration file; problems name the JSON path (`contracts[2].validTo`). */
export function parseModelJson(sections: Partial<Record<ModelTable, readonly unknown[]>>, known: KnownIds, words?: IssueWords): ModelImportResult {
  const model = emptyModel();
  const index: { [T in ModelTable]: number[] } = { products: [], customers: [], sites: [], assets: [], contracts: [] };
  const problems: ModelProblem[] = [];
  for (const table of modelTables) {
    (sections[table] ?? []).forEach((raw, i) => {
      const r = checkModelRow(table, raw, { jsonIndex: i }, words);
      problems.push(...r.problems);
      if (r.row) {
        model[table].push(r.row);
        index[table].push(i);
      }
    });
    problems.push(...duplicateProblems(table, model[table].map((r, k) => ({ id: r.id, where: { path: `${table}[${index[table][k] ?? k}].id` } }))));
  }
  problems.push(...referenceProblems(model, known, (table, i, field) => ({ path: `${table}[${index[table][i] ?? i}].${field}` })));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, model };
}
