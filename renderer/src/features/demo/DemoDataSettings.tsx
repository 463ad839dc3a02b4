import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { configContractRows, useConfig } from '../../config/config-store';
import { loadEscalationMatrices } from '../escalation';
import { countGenerated, generateIntoStore, removeGenerated, type DemoProgress, type DemoRunResult } from './demo-store';
import './demo.css';

const SIZES = [1_000, 10_000, 100_000] as const;

type Job = 'generate' | 'remove';
type State =
  | { kind: 'idle' }
  | { kind: 'running'; job: Job; progress: DemoProgress }
  | { kind: 'finished'; job: Job; result: DemoRunResult }
  | { kind: 'confirmRemove' }
  | { kind: 'failed'; message: string };

/** Settings > Demo data: fill this device's store with generated tickets to try the app at scale, and take them out again. */
export function DemoDataSettings() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const { policies, calendars } = config;
  const generated = useLiveQuery(() => countGenerated(db), [db]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const num = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const running = state.kind === 'running';

  const start = async (job: Job, count = 0) => {
    const controller = new AbortController();
    abort.current = controller;
    const onProgress = (progress: DemoProgress) => setState({ kind: 'running', job, progress });
    onProgress({ done: 0, total: count });
    try {
      const result = job === 'generate' ? await generateIntoStore(db, { count, now: Date.now(), policies, rules: { calendars, matrices: await loadEscalationMatrices(db), contracts: configContractRows(config) }, signal: controller.signal, onProgress }) : await removeGenerated(db, { signal: controller.signal, onProgress });
      if (abort.current === controller) setState({ kind: 'finished', job, result });
    } catch (e) {
      setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const status = (() => {
    switch (state.kind) {
      case 'running':
        return t(state.job === 'generate' ? 'demo.generating' : 'demo.removing', { done: num(state.progress.done), total: num(state.progress.total) });
      case 'finished': {
        const values = { n: num(state.result.done), seconds: (state.result.ms / 1000).toFixed(1) };
        if (state.result.cancelled) return t(state.job === 'generate' ? 'demo.generateStopped' : 'demo.removeStopped', values);
        return t(state.job === 'generate' ? 'demo.generated' : 'demo.removed', values);
      }
      case 'failed':
        return t('demo.failed', { message: state.message });
      default:
        return '';
    }
  })();

  return (
    <section className="settings-section demo-data" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('demo.title')}</h2>
      <p className="muted">{t('demo.explain')}</p>
      <p data-testid="demo-count">{generated === undefined ? t('app.loading') : t('demo.count', { count: generated, n: num(generated) })}</p>
      <div className="demo-actions">
        {SIZES.map((n) => (
          <button key={n} type="button" disabled={running} onClick={() => void start('generate', n)}>
            {t('demo.generate', { n: num(n) })}
          </button>
        ))}
        {running && (
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('demo.stop')}
          </button>
        )}
      </div>
      {running && <progress className="demo-progress" max={Math.max(state.progress.total, 1)} value={state.progress.done} aria-label={status} />}
      <p role="status" aria-live="polite" className={state.kind === 'failed' ? 'error' : 'muted'} data-testid="demo-status" data-state={state.kind === 'finished' && !state.result.cancelled ? 'done' : state.kind}>
        {status}
      </p>
      <div className="demo-actions">
        {state.kind === 'confirmRemove' ? (
          <>
            <span>{t('demo.removeConfirm', { n: num(generated ?? 0) })}</span>
            <button type="button" className="primary" onClick={() => void start('remove')}>
              {t('demo.removeYes')}
            </button>
            <button type="button" onClick={() => setState({ kind: 'idle' })}>
              {t('demo.removeNo')}
            </button>
          </>
        ) : (
          <button type="button" disabled={running || !generated} onClick={() => setState({ kind: 'confirmRemove' })}>
            {t('demo.remove')}
          </button>
        )}
      </div>
    </section>
  );
}
