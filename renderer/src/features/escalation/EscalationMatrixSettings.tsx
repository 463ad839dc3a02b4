import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportEscalationMatrixCsv, exportEscalationMatrixJson } from '../../../../shared/escalation';
import { useMutations } from '../../app/mutations';
import { downloadText as downloadFile } from '../../host';
import { presetEscalationMatrices } from './matrices';
import { MatrixImport } from './MatrixImport';
import { MatrixLevels } from './MatrixLevels';
import { revertEscalationMatrix } from './save-matrix';
import { useEscalationMatrixOverlay } from './use-escalation-matrices';
import './escalation.css';

/** Settings › Escalation: view each matrix, export it (JSON, CSV), import a new version with errors by row. */
export function EscalationMatrixSettings() {
  const { t } = useTranslation();
  const mutate = useMutations();
  const { matrices, storedIds, invalid } = useEscalationMatrixOverlay();
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const matrix = matrices.find((m) => m.id === selectedId) ?? matrices[0];
  const shipped = matrix ? presetEscalationMatrices.some((p) => p.id === matrix.id) : false;

  return (
    <section className="esc-settings" aria-labelledby="esc-settings-title">
      <h2 id="esc-settings-title">{t('escalation.settings.title')}</h2>
      {invalid.map((r) => (
        <p key={r.id} className="error" role="alert">{t('escalation.settings.invalidStored', { id: r.id, message: r.message })}</p>
      ))}
      <div className="esc-toolbar">
        <label>
          {t('escalation.settings.matrix')}{' '}
          <select value={matrix?.id ?? ''} onChange={(e) => setSelectedId(e.target.value)} data-testid="matrix-select">
            {matrices.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </label>
        {matrix && (
          <>
            <span className="chip">{storedIds.has(matrix.id) ? t('escalation.settings.edited') : t('escalation.settings.shipped')}</span>
            <span className="muted">{t('escalation.settings.policy', { policy: matrix.policyId })}</span>
            <button type="button" onClick={() => downloadFile(`escalation-${matrix.id}.json`, exportEscalationMatrixJson(matrix), 'application/json')}>{t('escalation.settings.exportJson')}</button>
            <button type="button" onClick={() => downloadFile(`escalation-${matrix.id}.csv`, exportEscalationMatrixCsv(matrix), 'text/csv')}>{t('escalation.settings.exportCsv')}</button>
            {storedIds.has(matrix.id) && shipped && (
              <button type="button" onClick={() => void revertEscalationMatrix(mutate, matrix.id).catch(() => undefined)}>{t('escalation.settings.revert')}</button>
            )}
          </>
        )}
      </div>
      <MatrixImport base={matrix} onImported={(m) => setSelectedId(m.id)} />
      {matrix && <MatrixLevels matrix={matrix} />}
    </section>
  );
}
