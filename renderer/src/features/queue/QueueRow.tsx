import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/ticket';
import { useMinute } from '../../app/use-now';
import { ClockChip, useTicketClocks } from '../clocks';

type Props = { ticket: Ticket; customer: string; owner: string; selected: boolean; focused: boolean; onOpen: (id: string) => void; onToggle: (id: string) => void };

/** A queue row; only rows re-render when the minute ticks, never the list. */
export const QueueRow = memo(function QueueRow({ ticket, customer, owner, selected, focused, onOpen, onToggle }: Props) {
  const { t } = useTranslation();
  const now = useMinute();
  const clocks = useTicketClocks(ticket, now).filter((c) => c.state !== 'pending' && c.completedAt === undefined);
  return (
    <div
      role="row"
      aria-selected={selected}
      className={`queue-row${focused ? ' focused' : ''}${selected ? ' selected' : ''}`}
      data-testid="queue-row"
      data-ticket-id={ticket.id}
      onClick={() => onOpen(ticket.id)}
    >
      <span role="gridcell" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={t('queue.select', { id: ticket.id })} checked={selected} onChange={() => onToggle(ticket.id)} />
      </span>
      <span role="gridcell" className="mono">{ticket.id}</span>
      <span role="gridcell" className="ellipsis">{ticket.title}</span>
      <span role="gridcell" className="ellipsis">{customer}</span>
      <span role="gridcell" className={`sev sev-${ticket.severity}`}>{ticket.severity}</span>
      <span role="gridcell">{ticket.priority}</span>
      <span role="gridcell" className="ellipsis">{t(`impact.${ticket.impact}`)}</span>
      <span role="gridcell" className="ellipsis">{t(`status.${ticket.status}`)}</span>
      <span role="gridcell" className="ellipsis">{owner}</span>
      <span role="gridcell" className="clocks">
        {clocks.map((c) => (
          <ClockChip key={c.kind} clock={c} />
        ))}
      </span>
    </div>
  );
});
