import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useConfig } from '../../config';
import { useEscalationMatrices } from '../escalation';
import { storeConfigAtomically } from './config-import';
import { exportConfigBundle, importSteps, parseConfigBundle, type BundleProblem, type ImportStep } from './config-bundle';
import { downloadText } from '../../host';
import { useIsAdmin } from './use-admin';
import { checkImportSize } from '../../../../shared/import-limits';
import { modelTables } from '../../../../shared/contract';
import { modelProblemMessage } from './model-problem-text';
import { zodErrorText } from './validation-text';
import { firstSeverityOrderViolation, severityOrderText } from './severity-order-check';
import type { Policy } from '../../../../shared/policy';

type State =
  | { kind: 'idle' }
  | { kind: 'problems'; fileName: string; problems: BundleProblem[] }
  | { kind: 'ready'; fileName: string; steps: ImportStep[] }
  | { kind: 'done'; stored: number }
  | { kind: 'failed'; message: string }
  | { kind: 'tooLarge'; message: string };

/** The whole configuration as one JSON file: export what is in force; import only when every item is valid. */
export function ConfigTransfer() {
  const { t, i18n } = useTranslation();
  const config = useConfig();
  const matrices = useEscalationMatrices();
  const { db } = useServices();
  const admin = useIsAdmin();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const current = {
    policies: [...config.policies.values()], calendars: [...config.calendarPresets.values()], escalationMatrices: matrices,
    products: [...config.products.values()], customers: [...config.customers.values()], sites: [...config.sites.values()], assets: [...config.assets.values()], contracts: [...config.contracts.values()],
  };

  const exportAll = () => downloadText(`service-desk-config-${new Date().toISOString().slice(0, 10)}.json`, exportConfigBundle(current, new Date()), 'application/json');

  const readFile = async (file: File) => {
    const size = checkImportSize('config', file.size);
    if (!size.ok) {
      setState({ kind: 'tooLarge', message: t('common.fileTooLarge', { file: file.name, size: size.size, limit: size.limit }) });
      return;
    }
    const text = await file.text();
    const model = { escalationMatrices: new Set(matrices.map((m) => m.id)), ...Object.fromEntries(modelTables.map((x) => [x, new Set(current[x].map((r) => r.id))])) };
    const r = parseConfigBundle(text, { calendarIds: new Set(config.calendarPresets.keys()), policyIds: new Set(config.policies.keys()), model }, zodErrorText(t));
    if (!r.ok) return setState({ kind: 'problems', fileName: file.name, problems: r.problems });
    const steps = importSteps(r.bundle, current);
    // Each changed policy must keep more severe tickets due no later, under the imported calendars and contracts.
    const imported = {
      ...config,
      policies: new Map([...config.policies, ...r.bundle.policies.map((p): [string, Policy] => [p.id, p])]),
      calendars: { ...config.calendars, ...Object.fromEntries(r.bundle.calendars.map((c) => [c.id, c.calendar])) },
    };
    const order = steps.flatMap((s) => {
      if (s.table !== 'policies') return [];
      const policy = s.row as Policy;
      const v = firstSeverityOrderViolation(policy, imported);
      return v ? [{ section: 'policies' as const, index: r.bundle.policies.findIndex((p) => p.id === policy.id), id: policy.id, path: '', message: severityOrderText(v, policy, t, i18n.language) }] : [];
    });
    setState(order.length > 0 ? { kind: 'problems', fileName: file.name, problems: order } : { kind: 'ready', fileName: file.name, steps });
  };

  const apply = async (steps: ImportStep[]) => {
    setBusy(true);
    try {
      const r = await storeConfigAtomically(db, steps);
      setState(r.ok ? { kind: 'done', stored: r.stored } : { kind: 'failed', message: `${r.step.table}/${r.step.row.id}: ${r.message || t('admin.refused')}` });
    } catch (e) {
      setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-transfer" aria-labelledby="config-transfer-title">
      <h3 id="config-transfer-title">{t('admin.transfer.title')}</h3>
      <p className="muted">{t('admin.transfer.explain')}</p>
      <div className="admin-actions">
        <button type="button" onClick={exportAll}>{t('admin.transfer.export')}</button>
        {admin && (
          <label className="admin-file">
            {t('admin.transfer.import')}
            <input type="file" accept=".json,application/json" onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void readFile(f);
            }} />
          </label>
        )}
      </div>
      {state.kind === 'problems' && (
        <div className="error" role="alert" data-testid="config-import-problems">
          <strong>{t('admin.transfer.refused', { file: state.fileName, count: state.problems.length })}</strong>
          <ul>
            {state.problems.map((p, i) => (
              <li key={i}>
                {p.section === 'file' ? t('admin.transfer.whereFile') : t('admin.transfer.where', { section: t(`admin.transfer.sections.${p.section}`), index: (p.index ?? 0) + 1, id: p.id ?? '?' })}
                {p.path && <> · <span className="mono">{p.path}</span></>}: {p.model ? modelProblemMessage(p.model, t) : p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'ready' && (
        <div role="status">
          {state.steps.length === 0 ? (
            <p>{t('admin.transfer.nothing', { file: state.fileName })}</p>
          ) : (
            <>
              <p>{t('admin.transfer.willStore', { file: state.fileName, count: state.steps.length })}</p>
              <ul className="admin-list">
                {state.steps.map((s) => (
                  <li key={`${s.table}/${s.row.id}`}>{t(`admin.transfer.sections.${s.table}`)}: <span className="mono">{s.row.id}</span></li>
                ))}
              </ul>
              <button type="button" className="primary" disabled={busy} onClick={() => void apply(state.steps)}>{t('admin.transfer.apply', { count: state.steps.length })}</button>{' '}
              <button type="button" onClick={() => setState({ kind: 'idle' })}>{t('common.cancel')}</button>
            </>
          )}
        </div>
      )}
      {state.kind === 'tooLarge' && <p className="error" role="alert">{state.message}</p>}
      {state.kind === 'done' && <p className="admin-ok" role="status">{t('admin.transfer.done', { count: state.stored })}</p>}
      {state.kind === 'failed' && <p className="error" role="alert">{t('admin.transfer.rolledBack', { message: state.message })}</p>}
    </section>
  );
}
