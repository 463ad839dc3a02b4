import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useQueue } from './use-queue';

const ROW_HEIGHT = 36;

export function QueuePage() {
  const { t, i18n } = useTranslation();
  const queue = useQueue();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = queue?.tickets ?? [];
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  if (!queue) return <p className="muted">{t('app.loading')}</p>;
  return (
    <section className="queue" aria-labelledby="queue-title">
      <header className="queue-header">
        <h1 id="queue-title">{t('queue.title')}</h1>
        <span className="muted" data-testid="queue-count">{t('queue.count', { count: queue.total })}</span>
      </header>
      <div className="queue-row queue-head" role="row">
        {(['id', 'title', 'customer', 'severity', 'priority', 'status', 'owner', 'updated'] as const).map((c) => (
          <span key={c} role="columnheader">{t(`queue.columns.${c}`)}</span>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('queue.empty')}</p>
      ) : (
        <div ref={scrollRef} className="queue-scroll" role="grid" aria-rowcount={rows.length}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const ticket = rows[item.index];
              if (!ticket) return null;
              return (
                <div key={ticket.id} role="row" className="queue-row" data-testid="queue-row" style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                  <span className="mono">{ticket.id}</span>
                  <span className="ellipsis">{ticket.title}</span>
                  <span className="ellipsis">{queue.customers.get(ticket.customerId) ?? ticket.customerId}</span>
                  <span className={`sev sev-${ticket.severity}`}>{ticket.severity}</span>
                  <span>{ticket.priority}</span>
                  <span>{t(`status.${ticket.status}`)}</span>
                  <span className="ellipsis">{ticket.ownerId ? (queue.engineers.get(ticket.ownerId) ?? ticket.ownerId) : t('owner.none')}</span>
                  <span>{dateFormat.format(ticket.updatedAt)}</span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
