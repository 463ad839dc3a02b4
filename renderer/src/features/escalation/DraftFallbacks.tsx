import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { copyDraft, openMailto } from './escalate-flow';
import { MAILTO_MAX_LENGTH, type PreparedEscalation } from './escalation-draft';

type Status = { tone: 'ok' | 'error'; text: string };

/** The other ways to get the draft out: a mailto: link (when short enough) and the clipboard. */
export function DraftFallbacks({ prepared, onStatus }: { prepared: Extract<PreparedEscalation, { kind: 'draft' }>; onStatus: (s: Status) => void }) {
  const { t } = useTranslation();
  const { host } = useServices();
  const tooLong = prepared.mailtoTooLong ? t('escalation.mailtoTooLong', { length: prepared.mailto.length, max: MAILTO_MAX_LENGTH }) : undefined;
  const mailto = async () => {
    const r = await openMailto(host, prepared);
    if (!r.ok) onStatus({ tone: 'error', text: t('escalation.mailtoFailed', { message: r.message }) });
  };
  const copy = async () => {
    const r = await copyDraft(host, prepared);
    onStatus(r.ok ? { tone: 'ok', text: t('escalation.copied') } : { tone: 'error', text: t('escalation.copyFailed', { message: r.message }) });
  };
  return (
    <>
      <button type="button" onClick={() => void mailto()} disabled={tooLong !== undefined} title={tooLong} aria-describedby={tooLong ? 'esc-mailto-why' : undefined}>
        {t('escalation.mailto')}
      </button>
      <button type="button" onClick={() => void copy()}>{t('escalation.copy')}</button>
      {tooLong && <span id="esc-mailto-why" className="muted esc-why">{tooLong}</span>}
    </>
  );
}
