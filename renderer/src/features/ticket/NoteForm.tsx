import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addNoteArgs } from '../../../../shared/sync';
import { NOTE_MAX_LENGTH } from '../../../../shared/ticket';
import { draftKey, type Draft } from '../../../../shared/drafts';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { DraftRestoredNotice, useDraftComposer, useStoredDraft } from '../drafts';
import { ticketTargets } from './ticket-commands';

/** The note form checks exactly what the note mutation accepts. */
const noteFormSchema = addNoteArgs.pick({ visibility: true, text: true });

type Visibility = 'internal' | 'external';

/** Adds an internal or external note; what is typed is kept as a draft until saved, and typing on through a save loses nothing. */
export function NoteForm({ ticketId }: { ticketId: string }) {
  const stored = useStoredDraft(draftKey('note', ticketId));
  if (!stored.loaded) return null;
  return <NoteComposer ticketId={ticketId} restored={stored.draft} />;
}

function NoteComposer({ ticketId, restored }: { ticketId: string; restored: Draft | undefined }) {
  const { t } = useTranslation();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const [error, setError] = useState('');
  const [notice, setNotice] = useState(restored);
  const composer = useDraftComposer<{ visibility: Visibility }>({
    key: draftKey('note', ticketId),
    kind: 'note',
    restored,
    extra: { visibility: 'internal' },
    onEmpty: () => setError(t('note.empty')),
    save: async (text, { visibility }, key) => {
      const form = noteFormSchema.safeParse({ visibility, text });
      if (!form.success) {
        setError(t('refusal.too_long', { max: NOTE_MAX_LENGTH }));
        return false;
      }
      const r = await mutate('timeline.addNote@1', { ticketId, ...form.data }, { draftKey: key });
      setError(r.outcome === 'applied' ? '' : outcomeText(r, t('note.failed')));
      if (r.outcome === 'applied') setNotice(undefined);
      return r.outcome === 'applied';
    },
  });
  const discard = () => {
    setNotice(undefined);
    composer.setText('');
    void composer.discard();
  };
  return (
    <form className="note-form" onSubmit={(e) => (e.preventDefault(), void composer.submit())} onBlur={composer.onBlur}>
      {notice && <DraftRestoredNotice kind="note" savedAt={notice.savedAt} onDiscard={discard} />}
      <textarea id={ticketTargets.note} aria-label={t('note.text')} placeholder={t('note.placeholder')} value={composer.text} onChange={(e) => (composer.setText(e.target.value), setError(''))} rows={3} onKeyDown={composer.onKeyDown} />
      <div className="row">
        <select aria-label={t('note.visibility')} value={composer.extra.visibility} onChange={(e) => composer.setExtra({ visibility: e.target.value as Visibility })}>
          <option value="internal">{t('note.internal')}</option>
          <option value="external">{t('note.external')}</option>
        </select>
        <button type="submit">{t('note.add')}</button>
        {error && <span role="alert" className="error">{error}</span>}
      </div>
    </form>
  );
}
