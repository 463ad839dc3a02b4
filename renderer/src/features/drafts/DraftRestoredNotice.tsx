import { useTranslation } from 'react-i18next';
import type { DraftKind } from '../../../../shared/drafts';
import './drafts.css';

/** "14:02" for a draft from today, else with its date: when the user last typed into it. */
function savedAtText(savedAt: number, language: string, now: number): string {
  const sameDay = new Date(savedAt).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(language, sameDay ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' }).format(savedAt);
}

/** Says that a form shows unsaved work kept from before (a crash, a restart, leaving the screen), with a way to drop it. */
export function DraftRestoredNotice({ kind, savedAt, onDiscard }: { kind: DraftKind; savedAt: number; onDiscard: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="draft-restored" role="status" data-testid="draft-restored">
      <span>{t(`drafts.restored.${kind}`, { time: savedAtText(savedAt, i18n.language, Date.now()) })}</span>
      <button type="button" className="link" onClick={onDiscard}>{t('drafts.discard')}</button>
    </div>
  );
}
