import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/dispatch';
import { useBoard } from './board-store';
import { useVisitMutation } from './use-visit-mutation';

/** Cancelling a visit needs a reason; it stays on the engineer's calendar feed as CANCELLED. */
export function CancelDialog({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const set = useBoard((s) => s.set);
  const { act, error, busy } = useVisitMutation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => set({ cancelVisitId: undefined });
  const submit = async () => {
    if (reason.trim() === '') return setMissing(true);
    if (await act(visit, { type: 'cancel', reason })) set({ cancelVisitId: undefined, selectedVisitId: undefined });
  };
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="cancel-title" onSubmit={(e) => (e.preventDefault(), void submit())} noValidate>
        <h2 id="cancel-title">{t('dispatch.cancelTitle', { id: visit.id })}</h2>
        <label className="stack">
          <span>{t('dispatch.reasonField')}</span>
          <textarea autoFocus value={reason} onChange={(e) => (setReason(e.target.value), setMissing(false))} aria-label={t('dispatch.reasonField')} aria-invalid={missing} />
          {missing && <span className="error" role="alert">{t('dispatch.formError.reasonRequired')}</span>}
        </label>
        {error && <p className="error" role="alert">{t('dispatch.refused', { message: error })}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={close}>{t('common.close')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('dispatch.confirmCancel')}</button>
        </div>
      </form>
    </div>
  );
}
