import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelRowsToCsv, modelTables, parseModelCsvFiles, type KnownIds, type ModelProblem, type ModelRows, type ModelTable } from '../../../../shared/contract';
import { checkImportSize } from '../../../../shared/import-limits';
import { useServices } from '../../app/services';
import { useConfig, type Config } from '../../config';
import { downloadText } from '../../host';
import { exportConfigBundle, importSteps, modelProblemMessage, modelProblemPlace, parseConfigBundle, storeConfigAtomically, useIsAdmin, zodErrorText, type ImportStep } from '../admin';
import { useEscalationMatrices } from '../escalation';

type State =
  | { kind: 'idle' }
  | { kind: 'problems'; files: string; problems: ModelProblem[] }
  | { kind: 'ready'; files: string; steps: ImportStep[] }
  | { kind: 'done'; stored: number }
  | { kind: 'failed'; message: string };

/** The model in force (presets overlaid by stored edits), by table. */
function modelOf(config: Config): ModelRows {
  return { products: [...config.products.values()], customers: [...config.customers.values()], sites: [...config.sites.values()], assets: [...config.assets.values()], contracts: [...config.contracts.values()] };
}

/** At most this many problems are listed; the count says how many there are in all. */
const shownProblems = 50;

/**
 * Settings › Contracts: the product catalogue, customers, sites, assets and contracts exported as
 * JSON or one CSV per table, and imported from either. An import is checked whole and stored in
 * one transaction: one bad row and nothing is stored.
 */
export function ModelTransfer() {
  const { t } = useTranslation();
  const config = useConfig();
  const matrices = useEscalationMatrices();
  const { db } = useServices();
  const admin = useIsAdmin();
  const [table, setTable] = useState<ModelTable>('contracts');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const model = modelOf(config);
  const day = new Date().toISOString().slice(0, 10);

  const known: KnownIds = {
    policies: new Set(config.policies.keys()), calendars: new Set(config.calendarPresets.keys()), escalationMatrices: new Set(matrices.map((m) => m.id)),
    ...Object.fromEntries(modelTables.map((x) => [x, new Set(model[x].map((r) => r.id))])),
  };

  const readFiles = async (files: File[]) => {
    const names = files.map((f) => f.name).join(', ');
    for (const f of files) {
      const size = checkImportSize('config', f.size);
      if (!size.ok) return setState({ kind: 'failed', message: t('common.fileTooLarge', { file: f.name, size: size.size, limit: size.limit }) });
    }
    const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    const words = zodErrorText(t);
    const json = texts.filter((f) => /\.json$/i.test(f.name));
    if (json.length > 0) {
      if (texts.length > 1) return setState({ kind: 'failed', message: t('admin.model.oneJson') });
      const r = parseConfigBundle(json[0]?.text ?? '', { calendarIds: known.calendars ?? new Set(), policyIds: known.policies ?? new Set(), model: known }, words);
      if (!r.ok) {
        return setState({ kind: 'problems', files: names, problems: r.problems.map((p) => p.model ?? { code: 'schema', params: { detail: p.message }, message: p.message, path: p.path ? `${p.section}[${p.index ?? 0}].${p.path}` : p.section }) });
      }
      return setState({ kind: 'ready', files: names, steps: importSteps(r.bundle, model) });
    }
    const r = parseModelCsvFiles(texts, known, words);
    setState(r.ok ? { kind: 'ready', files: names, steps: importSteps(r.model, model) } : { kind: 'problems', files: names, problems: r.problems });
  };

  const apply = async (steps: ImportStep[]) => {
    setBusy(true);
    try {
      const r = await storeConfigAtomically(db, steps);
      setState(r.ok ? { kind: 'done', stored: r.stored } : { kind: 'failed', message: t('admin.transfer.rolledBack', { message: `${r.step.table}/${r.step.row.id}: ${r.message || t('admin.refused')}` }) });
    } catch (e) {
      setState({ kind: 'failed', message: t('admin.transfer.rolledBack', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-transfer" aria-labelledby="model-transfer-title">
      <h3 id="model-transfer-title">{t('admin.model.title')}</h3>
      <p className="muted">{t('admin.model.explain')}</p>
      <div className="admin-actions">
        <button type="button" onClick={() => downloadText(`service-desk-customers-${day}.json`, exportConfigBundle({ policies: [], calendars: [], escalationMatrices: [], ...model }, new Date()), 'application/json')}>{t('admin.model.exportJson')}</button>
        <label>
          {t('admin.model.table')}{' '}
          <select value={table} onChange={(e) => setTable(e.target.value as ModelTable)} data-testid="model-csv-table">
            {modelTables.map((x) => <option key={x} value={x}>{t(`admin.model.tables.${x}`)}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => downloadText(`${table}-${day}.csv`, modelRowsToCsv(table, model[table]), 'text/csv')}>{t('admin.model.exportCsv')}</button>
        {admin && (
          <label className="admin-file">
            {t('admin.model.import')}
            <input type="file" multiple accept=".csv,.json,text/csv,application/json" data-testid="model-import-input" onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) void readFiles(files);
            }} />
          </label>
        )}
      </div>
      {state.kind === 'problems' && (
        <div className="error" role="alert" data-testid="model-import-problems">
          <strong>{t('admin.model.refused', { file: state.files, count: state.problems.length })}</strong>
          <ul>
            {state.problems.slice(0, shownProblems).map((p, i) => <li key={i}>{modelProblemPlace(p, t)}: {modelProblemMessage(p, t)}</li>)}
          </ul>
          {state.problems.length > shownProblems && <p>{t('admin.model.more', { count: state.problems.length - shownProblems })}</p>}
        </div>
      )}
      {state.kind === 'ready' && (
        <div role="status">
          {state.steps.length === 0 ? <p>{t('admin.transfer.nothing', { file: state.files })}</p> : (
            <>
              <p>{t('admin.transfer.willStore', { file: state.files, count: state.steps.length })}</p>
              <ul className="admin-list">
                {state.steps.slice(0, shownProblems).map((s) => <li key={`${s.table}/${s.row.id}`}>{t(`admin.model.tables.${s.table}`)}: <span className="mono">{s.row.id}</span></li>)}
              </ul>
              <button type="button" className="primary" disabled={busy} onClick={() => void apply(state.steps)}>{t('admin.transfer.apply', { count: state.steps.length })}</button>{' '}
              <button type="button" onClick={() => setState({ kind: 'idle' })}>{t('common.cancel')}</button>
            </>
          )}
        </div>
      )}
      {state.kind === 'done' && <p className="admin-ok" role="status">{t('admin.transfer.done', { count: state.stored })}</p>}
      {state.kind === 'failed' && <p className="error" role="alert">{state.message}</p>}
    </section>
  );
}
