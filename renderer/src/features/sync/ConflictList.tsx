import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { useMutations } from '../../app/mutations';
import { useRouter } from '../../app/router';
import { refusalText } from '../../app/refusal-text';

/** Writes the server refused, side by side (base / mine / theirs), to keep one or write a new value. */
export function ConflictList() {
  const { t } = useTranslation();
  const { db } = useServices();
  const mutate = useMutations();
  const navigate = useRouter((s) => s.navigate);
  const open = useLiveQuery(() => db.conflicts.where('status').equals('open').toArray(), [db]) ?? [];
  const [custom, setCustom] = useState<Record<string, string>>({});
  const resolve = (id: string, ticketId: string, choice: 'mine' | 'theirs' | 'custom') =>
    void mutate('conflict.resolve@1', { conflictId: id, ticketId, choice, ...(choice === 'custom' ? { value: custom[id] ?? '' } : {}) });
  return (
    <section aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">{t('sync.conflictsTitle')}</h3>
      {open.length === 0 && <p className="muted">{t('sync.noConflicts')}</p>}
      {open.map((c) => (
        <article key={c.id} className="conflict" data-testid="conflict">
          <header>
            <a href={`#/ticket/${c.ticketId}`} onClick={(e) => (e.preventDefault(), navigate({ screen: 'ticket', id: c.ticketId }))}>{c.ticketId}</a> · {c.field} — {c.refusal ? refusalText(t, c.refusal) : c.reason}
          </header>
          <dl>
            <div><dt>{t('sync.base')}</dt><dd>{c.base}</dd></div>
            <div><dt>{t('sync.mine')}</dt><dd>{c.mine}</dd></div>
            <div><dt>{t('sync.theirs')}</dt><dd>{c.theirs}</dd></div>
          </dl>
          <div className="row">
            <button type="button" onClick={() => resolve(c.id, c.ticketId, 'theirs')}>{t('sync.keepTheirs')}</button>
            <button type="button" onClick={() => resolve(c.id, c.ticketId, 'mine')}>{t('sync.keepMine')}</button>
            <input aria-label={t('sync.customValue')} value={custom[c.id] ?? ''} onChange={(e) => setCustom({ ...custom, [c.id]: e.target.value })} />
            <button type="button" disabled={!custom[c.id]} onClick={() => resolve(c.id, c.ticketId, 'custom')}>{t('sync.useCustom')}</button>
          </div>
        </article>
      ))}
    </section>
  );
}
