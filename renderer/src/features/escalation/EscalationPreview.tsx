import { useTranslation } from 'react-i18next';
import type { PreparedEscalation } from './escalation-draft';

/** What will be sent: recipients, subject and body exactly as the draft has them; or why nothing is. */
export function EscalationPreview({ prepared }: { prepared: PreparedEscalation }) {
  const { t } = useTranslation();
  if (prepared.kind === 'blocked') return <p className="error" role="alert">{t('escalation.blocked', { reason: prepared.message })}</p>;
  if (prepared.kind === 'customer_step') {
    return (
      <div className="esc-preview" data-testid="escalation-preview">
        <p>{t('escalation.customerStepExplain')}</p>
        {prepared.instructions && <p className="muted">{prepared.instructions}</p>}
      </div>
    );
  }
  const { draft } = prepared;
  return (
    <div className="esc-preview" data-testid="escalation-preview" aria-label={t('escalation.preview')}>
      <dl>
        <dt>{t('escalation.to')}</dt>
        <dd className="mono" data-testid="escalation-to">{draft.to.join(', ')}</dd>
        {draft.cc && draft.cc.length > 0 && (
          <>
            <dt>{t('escalation.cc')}</dt>
            <dd className="mono" data-testid="escalation-cc">{draft.cc.join(', ')}</dd>
          </>
        )}
        <dt>{t('escalation.subject')}</dt>
        <dd data-testid="escalation-subject">{draft.subject}</dd>
      </dl>
      {/* Focusable so the long body scrolls from the keyboard too. */}
      <pre className="esc-body" tabIndex={0} aria-label={t('escalation.preview')}>{draft.body}</pre>
    </div>
  );
}
