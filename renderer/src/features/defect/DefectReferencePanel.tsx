import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFECT_REFERENCE_MAX, defectReferenceRequiredFrom } from '../../../../shared/defect';
import type { Ticket } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { useConfig } from '../../config/config-store';

/**
 * The software performance report (SPR) or defect raised with engineering for this ticket:
 * recorded here so the escalation mail can name it, and required before escalating to the level
 * the ticket's policy names (the panel says which, so nobody learns it from a refusal).
 */
export function DefectReferencePanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const policy = useConfig().policies.get(ticket.policyId);
  const requiredFrom = defectReferenceRequiredFrom(policy);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(ticket.defectReference ?? '');
  const [message, setMessage] = useState('');
  const closed = ticket.status === 'closed';

  const save = async () => {
    const r = await mutate('ticket.setDefectReference@1', { ticketId: ticket.id, reference: value });
    if (r.outcome === 'applied') {
      setEditing(false);
      setMessage(value.trim() ? t('defect.saved') : t('defect.cleared'));
    } else setMessage(outcomeText(r, t('defect.refused')));
  };
  const open = () => {
    setValue(ticket.defectReference ?? '');
    setMessage('');
    setEditing(true);
  };

  return (
    <section className="defect-reference" aria-label={t('defect.title')} data-testid="defect-panel">
      <h3>{t('defect.title')}</h3>
      {!editing && (
        <p data-testid="defect-reference" className={ticket.defectReference ? '' : 'muted'}>
          {ticket.defectReference ?? t('defect.none')}
        </p>
      )}
      {requiredFrom !== undefined && <p className="muted">{t('defect.requiredFrom', { level: requiredFrom })}</p>}
      {editing ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            {t('defect.label')}
            <input value={value} maxLength={DEFECT_REFERENCE_MAX} onChange={(e) => setValue(e.target.value)} placeholder="SPR 1234567" autoFocus />
          </label>
          <button type="submit" className="primary">{t('defect.save')}</button>
          <button type="button" onClick={() => setEditing(false)}>{t('common.cancel')}</button>
        </form>
      ) : (
        !closed && <button type="button" onClick={open}>{ticket.defectReference ? t('defect.edit') : t('defect.add')}</button>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
