import type { ReactNode } from 'react';
import type { RowText } from '../../i18n/use-row-text';
import type { Ticket } from '../../../../shared/ticket';
import type { viewColumns } from '../../../../shared/views';
import { priorityText, severityText } from '../../i18n/vocabulary';

export type Column = (typeof viewColumns)[number];
type CellContext = { t: RowText; customer: string; owner: string; dateFormat: Intl.DateTimeFormat; clocks: ReactNode };

/** Width of each column in the queue grid (the checkbox column comes first). */
export const columnWidths: Record<Column, string> = {
  id: '130px', title: 'minmax(160px, 2fr)', customer: 'minmax(120px, 1.2fr)', severity: '60px', priority: '56px', impact: 'minmax(90px, .8fr)',
  status: '120px', owner: 'minmax(90px, .8fr)', clocks: 'minmax(180px, 1.6fr)', product: 'minmax(110px, 1fr)', region: '110px', updated: '120px', created: '120px',
};

export function gridTemplate(columns: readonly Column[]): string {
  return ['28px', ...columns.map((c) => columnWidths[c])].join(' ');
}

/** The cell of one column for one ticket. */
export function renderCell(column: Column, ticket: Ticket, c: CellContext): ReactNode {
  switch (column) {
    case 'id':
      return <span className="mono">{ticket.id}</span>;
    case 'title':
      return <span className="ellipsis" title={ticket.title}>{ticket.title}</span>;
    case 'customer':
      return <span className="ellipsis" title={c.customer}>{c.customer}</span>;
    case 'severity':
      return <span className={`sev sev-${ticket.severity}`}>{severityText(c.t, ticket.severity)}</span>;
    case 'priority':
      return <span>{priorityText(c.t, ticket.priority)}</span>;
    case 'impact':
      return <span className="ellipsis" title={c.t(`impact.${ticket.impact}`)}>{c.t(`impact.${ticket.impact}`)}</span>;
    case 'status':
      return <span className="ellipsis" title={c.t(`status.${ticket.status}`)}>{c.t(`status.${ticket.status}`)}</span>;
    case 'owner':
      return <span className="ellipsis" title={c.owner}>{c.owner}</span>;
    case 'clocks':
      return <span className="clocks">{c.clocks}</span>;
    case 'product':
      return <span className="ellipsis" title={ticket.product}>{ticket.product}</span>;
    case 'region':
      return <span className="ellipsis" title={ticket.region}>{ticket.region}</span>;
    case 'updated':
      return <span>{c.dateFormat.format(ticket.updatedAt)}</span>;
    case 'created':
      return <span>{c.dateFormat.format(ticket.createdAt)}</span>;
  }
}
