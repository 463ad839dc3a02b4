import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { useMutations } from '../../app/mutations';
import { useRouter } from '../../app/router';
import { refusalText } from '../../app/refusal-text';
import { namesOf, withNames } from './people-names';
import { conflictVisitId } from '../../../../shared/sync';
import { VisitConflictChoices } from './VisitConflictChoices';
import { conflictFieldText } from '../../i18n/vocabulary';

/** Writes the server refused, side by side (base / mine / theirs), to keep one or write a new value. */
export function ConflictList() {
  const { t } = useTranslation();
  const { db } = useServices();
  const mutate = useMutations();
  const navigate = useRouter((s) => s.navigate);
  const open = useLiveQuery(() => db.conflicts.where('status').equals('open').toArray(), [db]) ?? [];
  const names = namesOf(useLiveQuery(() => db.engineers.toArray(), [db]) ?? []);
  // "Yours" only on the device of the person who made the refused change; elsewhere it is theirs, by name.
  const me = (useLiveQuery(() => db.meta.get('actor'), [db])?.value as { userId?: string } | undefined)?.userId;
  const named = (text: string) => withNames(text, names);
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
            <a href={`#/ticket/${c.ticketId}`} onClick={(e) => (e.preventDefault(), navigate({ screen: 'ticket', id: c.ticketId }))}>{c.ticketId}</a> · {conflictFieldText(t, c.field)} — {named(c.refusal ? refusalText(t, c.refusal) : c.reason)}
            {c.userId !== me && <span className="muted"> ({t('sync.madeBy', { name: named(c.userId) })})</span>}
          </header>
          <dl>
            <div><dt>{t('sync.base')}</dt><dd>{named(c.base)}</dd></div>
            <div><dt>{c.userId === me ? t('sync.mine') : t('sync.changeBy', { name: named(c.userId) })}</dt><dd>{named(c.mine)}</dd></div>
            <div><dt>{t('sync.theirs')}</dt><dd>{named(c.theirs)}</dd></div>
          </dl>
          {conflictVisitId(c.field) !== undefined ? (
            <VisitConflictChoices conflict={c} names={names} onChoose={(choice) => resolve(c.id, c.ticketId, choice)} />
          ) : (
          <div className="row">
            <button type="button" onClick={() => resolve(c.id, c.ticketId, 'theirs')}>{t('sync.keepTheirs')}</button>
            <button type="button" onClick={() => resolve(c.id, c.ticketId, 'mine')}>{c.userId === me ? t('sync.keepMine') : t('sync.useChangeBy', { name: named(c.userId) })}</button>
            <input aria-label={t('sync.customValue')} value={custom[c.id] ?? ''} onChange={(e) => setCustom({ ...custom, [c.id]: e.target.value })} />
            <button type="button" disabled={!custom[c.id]} onClick={() => resolve(c.id, c.ticketId, 'custom')}>{t('sync.useCustom')}</button>
          </div>
          )}
        </article>
      ))}
    </section>
  );
}
