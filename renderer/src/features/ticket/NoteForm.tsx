import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addNoteArgs } from '../../../../shared/sync';
import { NOTE_MAX_LENGTH } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';

/** The note form checks exactly what the note mutation accepts. */
const noteFormSchema = addNoteArgs.pick({ visibility: true, text: true });

/** Adds an internal or external note; the text is kept if saving is refused. */
export function NoteForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'internal' | 'external'>('internal');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const form = noteFormSchema.safeParse({ visibility, text });
    if (!form.success) return setError(text.trim() ? t('refusal.too_long', { max: NOTE_MAX_LENGTH }) : t('note.empty'));
    const r = await mutate('timeline.addNote@1', { ticketId, ...form.data });
    if (r.outcome === 'applied') {
      setText('');
      setError('');
    } else setError(outcomeText(r, t('note.failed')));
  };
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)}>
      <textarea aria-label={t('note.text')} placeholder={t('note.placeholder')} value={text} onChange={(e) => setText(e.target.value)} rows={3} onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && void submit(e)} />
      <div className="row">
        <select aria-label={t('note.visibility')} value={visibility} onChange={(e) => setVisibility(e.target.value as 'internal' | 'external')}>
          <option value="internal">{t('note.internal')}</option>
          <option value="external">{t('note.external')}</option>
        </select>
        <button type="submit">{t('note.add')}</button>
        {error && <span role="alert" className="error">{error}</span>}
      </div>
    </form>
  );
}
