import { useEffect, useState } from 'react';
import type { Draft } from '../../../../shared/drafts';
import { useServices } from '../../app/services';
import { loadDraft } from '../../data';
import type { ServiceDeskDb } from '../../data/db';

export type StoredDraft = { loaded: false } | { loaded: true; draft: Draft | undefined };

/**
 * The draft kept for a form, read once when the form opens (a form is shown only after this, so
 * every field, selects included, starts with the restored value). `before` runs first, e.g. to
 * move a draft from where an older version kept it.
 */
export function useStoredDraft(key: string, before?: (db: ServiceDeskDb) => Promise<void>): StoredDraft {
  const { db } = useServices();
  const [state, setState] = useState<{ key: string; draft: Draft | undefined } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        await before?.(db);
      } catch (e) {
        console.error('Could not move an older draft', e);
      }
      const draft = await loadDraft(db, key).catch(() => undefined);
      if (live) setState({ key, draft });
    })();
    return () => {
      live = false;
    };
    // `before` is a one-time step for this form; a new function identity must not reload the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  return state?.key === key ? { loaded: true, draft: state.draft } : { loaded: false };
}
