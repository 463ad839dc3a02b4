import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftKey, type Draft } from '../../../../shared/drafts';
import { DraftRestoredNotice, useDraftComposer, useStoredDraft } from '../drafts';
import { errorKey } from './form-errors';

type Save = (text: string, draftKey: string) => Promise<boolean>;

/** The engineer's work note on a visit: kept as a draft until saved; typing on through a save loses nothing. */
export function WorkNoteComposer({ visitId, busy, save }: { visitId: string; busy: boolean; save: Save }) {
  const stored = useStoredDraft(draftKey('visitNote', visitId));
  if (!stored.loaded) return null;
  return <Composer visitId={visitId} busy={busy} save={save} restored={stored.draft} />;
}

function Composer({ visitId, busy, save, restored }: { visitId: string; busy: boolean; save: Save; restored: Draft | undefined }) {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const [notice, setNotice] = useState(restored);
  const composer = useDraftComposer({
    key: draftKey('visitNote', visitId),
    kind: 'visitNote',
    restored,
    extra: {},
    onEmpty: () => setError(t(errorKey('the work note is empty'))),
    save: async (text, _extra, key) => {
      const ok = await save(text, key);
      if (ok) setNotice(undefined);
      return ok;
    },
  });
  const discard = () => {
    setNotice(undefined);
    composer.setText('');
    void composer.discard();
  };
  return (
    <form className="workflow-form" onSubmit={(e) => (e.preventDefault(), void composer.submit())} onBlur={composer.onBlur} noValidate>
      {notice && <DraftRestoredNotice kind="visitNote" savedAt={notice.savedAt} onDiscard={discard} />}
      <label><span>{t('visits.workNote')}</span><textarea value={composer.text} onChange={(e) => (composer.setText(e.target.value), setError(''))} onKeyDown={composer.onKeyDown} aria-label={t('visits.workNote')} /></label>
      {error && <span className="error" role="alert">{error}</span>}
      <button type="submit" disabled={busy}>{t('visits.addNote')}</button>
    </form>
  );
}
