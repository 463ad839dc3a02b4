import { memo } from 'react';
import { useRowText } from '../../i18n/use-row-text';
import type { Ticket } from '../../../../shared/ticket';
import { useMinute } from '../../app/use-now';
import { ClockChip, useTicketClocks } from '../clocks';
import { gridTemplate, renderCell, type Column } from './columns';

// One formatter per language: building an Intl.DateTimeFormat per row render costs more than the row.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormatFor(lang: string): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' })));
  return f;
}

type Props = { ticket: Ticket; columns: readonly Column[]; customer: string; owner: string; selected: boolean; focused: boolean; onOpen: (id: string) => void; onToggle: (id: string) => void };

/** A queue row; only rows re-render when the minute ticks, never the list. */
export const QueueRow = memo(function QueueRow({ ticket, columns, customer, owner, selected, focused, onOpen, onToggle }: Props) {
  const { text: t, language } = useRowText();
  const now = useMinute();
  const clocks = useTicketClocks(ticket, now).filter((c) => c.state !== 'pending' && c.completedAt === undefined);
  const dateFormat = dateFormatFor(language);
  const chips = clocks.map((c) => <ClockChip key={c.kind} clock={c} />);
  return (
    <div
      role="row"
      aria-selected={selected}
      className={`queue-row${focused ? ' focused' : ''}${selected ? ' selected' : ''}`}
      style={{ gridTemplateColumns: gridTemplate(columns) }}
      data-testid="queue-row"
      data-ticket-id={ticket.id}
      onClick={() => onOpen(ticket.id)}
    >
      <span role="gridcell" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={t('queue.select', { id: ticket.id })} checked={selected} onChange={() => onToggle(ticket.id)} />
      </span>
      {columns.map((col) => (
        <span role="gridcell" key={col} className="cell">
          {renderCell(col, ticket, { t, customer, owner, dateFormat, clocks: chips })}
        </span>
      ))}
    </div>
  );
});
