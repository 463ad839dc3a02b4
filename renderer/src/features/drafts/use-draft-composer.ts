import { useRef, useState, type KeyboardEvent } from 'react';
import { composerAfterFailedSave, restoreDraftValues, type Draft, type DraftKind, type DraftValues } from '../../../../shared/drafts';
import { useDraftAutosave } from './use-draft-autosave';

export type ComposerSave<E extends DraftValues> = (text: string, extra: E, draftKey: string) => Promise<boolean>;

/**
 * A text box that saves its text as one item (a note) and is ready for the next one at once.
 * The box is emptied when the save starts, not when it ends, so what is typed meanwhile stays and
 * is never cut or merged into the saved item; a refused save puts its text back in front. The
 * text (and `extra`, e.g. a visibility select) is kept as a draft; the save removes the draft of
 * the submitted text in its own transaction.
 */
export function useDraftComposer<E extends DraftValues>(opts: { key: string; kind: DraftKind; restored: Draft | undefined; extra: E; save: ComposerSave<E>; onEmpty: () => void }) {
  const initial = restoreDraftValues({ text: '', ...opts.extra }, opts.restored?.values);
  const [text, setTextState] = useState(initial.text);
  const [extra, setExtraState] = useState<E>(() => {
    const { text: _t, ...rest } = initial;
    return rest as unknown as E;
  });
  // What the box holds right now, read by draft writes and submits between renders.
  const current = useRef({ text: initial.text, extra });
  const autosave = useDraftAutosave({ key: opts.key, kind: opts.kind, read: () => ({ ...current.current.extra, text: current.current.text }), empty: () => ({ ...opts.extra, text: '' }) });

  const setText = (value: string) => {
    current.current.text = value;
    setTextState(value);
    autosave.changed();
  };
  const setExtra = (value: E) => {
    current.current.extra = value;
    setExtraState(value);
    autosave.changed();
  };

  const submit = async (): Promise<boolean> => {
    const submitted = current.current.text;
    if (submitted.trim() === '') {
      opts.onEmpty();
      return false;
    }
    // Any scheduled write would carry the submitted text; the save removes the stored draft.
    autosave.cancelPending();
    current.current.text = '';
    setTextState('');
    const ok = await opts.save(submitted, current.current.extra, opts.key).catch(() => false);
    if (!ok) setText(composerAfterFailedSave(submitted, current.current.text));
    // Text typed while saving is kept as the next draft.
    else if (current.current.text !== '') autosave.changed();
    return ok;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };

  return { text, setText, extra, setExtra, submit, onKeyDown, onBlur: () => void autosave.flush(), discard: autosave.discard };
}
