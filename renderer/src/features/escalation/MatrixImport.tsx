import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationMatrix } from '../../../../shared/escalation';
import { useMutations } from '../../app/mutations';
import { importMatrixFile, importProblems, type ImportProblem } from './import-errors';
import { saveEscalationMatrix } from './save-matrix';
import { checkImportSize } from '../../../../shared/import-limits';

function where(p: ImportProblem, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!p.where) return '';
  if ('path' in p.where) return t('escalation.settings.errorPath', { path: p.where.path });
  return p.where.column ? t('escalation.settings.errorAt', { row: p.where.row, column: p.where.column }) : t('escalation.settings.errorRow', { row: p.where.row });
}

/** Imports a matrix from JSON (whole matrix) or CSV (who is reached, into `base`); nothing is saved unless the whole file is valid. */
export function MatrixImport({ base, onImported }: { base: EscalationMatrix | undefined; onImported: (m: EscalationMatrix) => void }) {
  const { t } = useTranslation();
  const mutate = useMutations();
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [message, setMessage] = useState('');

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setMessage('');
    setProblems([]);
    const size = checkImportSize('matrix', file.size);
    if (!size.ok) {
      setProblems([{ where: null, message: t('common.fileTooLarge', { file: file.name, size: size.size, limit: size.limit }) }]);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setMessage(t('escalation.settings.unreadable', { message: err instanceof Error ? err.message : String(err) }));
      return;
    }
    const r = importMatrixFile(file.name, text, base);
    if (!r.ok) {
      setProblems(importProblems(r.errors));
      return;
    }
    try {
      await saveEscalationMatrix(mutate, r.matrix);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
      return;
    }
    setMessage(t('escalation.settings.importOk', { name: r.matrix.name }));
    onImported(r.matrix);
  };

  return (
    <div className="esc-import">
      <label>
        {t('escalation.settings.import')}
        <input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void onFile(e)} data-testid="matrix-import" />
      </label>
      <p className="muted">{t('escalation.settings.importHint')}</p>
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && (
        <div role="alert" className="error" data-testid="matrix-import-errors">
          <p>{t('escalation.settings.importFailed')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{where(p, t) && <b>{where(p, t)}: </b>}{p.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
