import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { useUi } from '../../app/ui-store';
import { useMinute } from '../../app/use-now';
import type { Ticket } from '../../../../shared/ticket';
import type { ViewContext } from './views';
import { useSearch } from './use-search';
import { SEARCH_LIMIT } from './search-tickets';
import { QUEUE_WINDOW } from './use-queue-view';
import { useQueueSource } from './use-queue-source';
import { gridTemplate } from './columns';
import { ViewEditor } from './ViewEditor';
import { useDirectoryNames } from './use-directory';
import { QueueRow } from './QueueRow';
import { BulkActions } from './BulkActions';
import { useFixedRows } from './use-fixed-rows';

const ROW_HEIGHT = 36;
/** Rows are read in windows of two blocks around the visible rows (a screen holds about 20). */
const BLOCK = QUEUE_WINDOW / 2;
export const SOON_MINUTES = 120;

export function QueuePage({ viewId }: { viewId: string }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.session.userId);
  const now = useMinute();
  const ctx = useMemo<ViewContext>(() => ({ me, now, soonMinutes: SOON_MINUTES }), [me, now]);
  const { search, setSearch, selectedTicketIds, toggleSelected, setSelection, focusedIndex, setFocusedIndex } = useUi();
  const navigate = useRouter((s) => s.navigate);
  const names = useDirectoryNames();
  const searchRef = useRef<HTMLInputElement>(null);

  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  // The window belongs to a view: a new view starts at its top, without a read at the old offset.
  const [block, setBlock] = useState({ viewId, start: 0 });
  const blockStart = block.viewId === viewId ? block.start : 0;
  const source = useQueueSource(viewId, ctx, blockStart, QUEUE_WINDOW, names?.customers);
  const count = source.count;
  const searching = search.trim().length > 0;
  const results = useSearch(searching ? search : '');
  // Rows show as soon as the first window is read; the count may come a moment later.
  const known = source.page && blockStart === 0 ? source.page.length : 0;
  const total = searching ? (results?.length ?? 0) : (count ?? known);
  const loading = searching ? results === undefined : count === undefined && source.page === undefined;
  // A small overscan: every rendered row computes its clocks, and the next window is read ahead anyway.
  const list = useFixedRows(total, ROW_HEIGHT, 4);
  const first = list.rows[0]?.index ?? 0;
  const wantedBlock = Math.floor(first / BLOCK) * BLOCK;
  useEffect(() => setBlock({ viewId, start: wantedBlock }), [viewId, wantedBlock]);
  const rowAt = (i: number): Ticket | undefined => (searching ? results?.[i] : source.page?.[i - blockStart]);

  const open = useCallback((id: string) => navigate({ screen: 'ticket', id }), [navigate]);

  const { scrollToTop, scrollToIndex } = list;
  // A new view starts at its top with nothing selected; coming back to the same view (the page
  // stays mounted while a ticket is open, and effects run again when it shows) keeps both.
  const shownView = useRef(viewId);
  useEffect(() => {
    if (shownView.current === viewId) return;
    shownView.current = viewId;
    setSelection([]);
    scrollToTop();
  }, [viewId, setSelection, scrollToTop]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
      const ui = useUi.getState();
      if (ui.paletteOpen || ui.helpOpen) return;
      const i = ui.focusedIndex;
      if (e.key === 'j' || e.key === 'ArrowDown') setFocusedIndex(Math.min(i + 1, total - 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') setFocusedIndex(i - 1);
      else if (e.key === 'Enter') {
        const row = rowAt(i);
        if (row) open(row.id);
      } else if (e.key === 'x') {
        const row = rowAt(i);
        if (row) toggleSelected(row.id);
      } else if (e.key === '/') searchRef.current?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  // Follows the keyboard focus (j/k); not when the page shows again, which would undo the scroll position it kept.
  const followedFocus = useRef(focusedIndex);
  useEffect(() => {
    if (followedFocus.current === focusedIndex) return;
    followedFocus.current = focusedIndex;
    if (total > 0) scrollToIndex(Math.min(focusedIndex, total - 1));
  }, [focusedIndex, total, scrollToIndex]);

  // While searching, the count is of the matches shown (the search stops at SEARCH_LIMIT), not of the queue.
  const searchCount = !searching ? undefined : results === undefined ? t('app.loading') : results.length >= SEARCH_LIMIT ? t('queue.matchesMore', { count: SEARCH_LIMIT }) : t('queue.matches', { count: results.length });
  if (!source.exists) return <p role="alert">{t('queue.unknownView', { id: viewId })}</p>;
  const title = source.title;
  const columns = source.columns;
  return (
    <section className="queue" aria-labelledby="queue-title">
      <header className="queue-header">
        <h1 id="queue-title">{title}</h1>
        <span className="muted" data-testid="queue-count">{searchCount ?? (count === undefined ? t('app.loading') : t('queue.count', { count }))}</span>
        <input
          ref={searchRef}
          type="search"
          className="search"
          placeholder={t('queue.search')}
          aria-label={t('queue.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && (setSearch(''), e.currentTarget.blur())}
        />
        <button type="button" onClick={() => setEditing(source.saved ? 'edit' : 'new')}>{source.saved ? t('views.edit') : t('views.saveAs')}</button>
      </header>
      {selectedTicketIds.length > 0 && <BulkActions ticketIds={selectedTicketIds} onDone={() => setSelection([])} />}
      {/* The visible head stays put while rows scroll; screen readers get the same headers inside the grid. */}
      <div className="queue-row queue-head" aria-hidden="true" style={{ gridTemplateColumns: gridTemplate(columns) }}>
        <span />
        {columns.map((c) => (
          <span key={c}>{t(`views.column.${c}`)}</span>
        ))}
      </div>
      {loading ? (
        <p className="muted empty" aria-busy="true">{t('app.loading')}</p>
      ) : total === 0 ? (
        <p className="muted empty">{searching ? t('queue.noResults') : t('queue.empty')}</p>
      ) : (
        <div ref={list.ref} className="queue-scroll" role="grid" aria-rowcount={total} aria-label={title}>
          <div className="sr-only" role="row">
            {columns.map((c) => (
              <span key={c} role="columnheader">{t(`views.column.${c}`)}</span>
            ))}
          </div>
          <div style={{ height: list.totalHeight, position: 'relative' }}>
            {list.rows.map((item) => {
              const ticket = rowAt(item.index);
              return (
                <div key={item.index} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                  {ticket ? (
                    <QueueRow
                      ticket={ticket}
                      columns={columns}
                      customer={names?.customers.get(ticket.customerId) ?? ticket.customerId}
                      owner={ticket.ownerId ? (names?.engineers.get(ticket.ownerId) ?? ticket.ownerId) : t('owner.none')}
                      selected={selectedTicketIds.includes(ticket.id)}
                      focused={item.index === focusedIndex}
                      onOpen={open}
                      onToggle={toggleSelected}
                    />
                  ) : (
                    <div className="queue-row placeholder" />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
      {editing && <ViewEditor initial={editing === 'edit' ? source.saved : undefined} onClose={() => setEditing(null)} />}
    </section>
  );
}
