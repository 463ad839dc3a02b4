import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import type { Customer, Engineer } from '../../../../shared/directory';
import type { Clock } from '../../../../shared/sla/clocks';
import { SeverityEditor } from '../severity';
import { EscalateDialog } from '../escalation';

export type TicketDialog = 'severity' | 'escalate' | null;

type Props = { dialog: TicketDialog; onClose: () => void; ticket: Ticket; timeline: TimelineEvent[]; customer?: Customer; engineers: Engineer[]; clocks: Clock[] };

/** The ticket's modal actions, one at a time. */
export function TicketDialogs({ dialog, onClose, ticket, timeline, customer, engineers, clocks }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // Opened from the keyboard, the dialog takes the focus unless a field in it already did, so Esc
  // and Tab act on the dialog and not on the page behind it.
  useEffect(() => {
    if (dialog && !box.current?.contains(document.activeElement)) box.current?.focus();
  }, [dialog]);
  if (!dialog) return null;
  return (
    <div className="overlay" role="presentation" onClick={onClose} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div ref={box} tabIndex={-1} className="dialog wide-dialog" role="dialog" aria-modal="true" aria-label={t(`ticket.dialog.${dialog}`)} onClick={(e) => e.stopPropagation()}>
        <h2>{t(`ticket.dialog.${dialog}`)}</h2>
        {dialog === 'severity' && <SeverityEditor ticket={ticket} customer={customer} onClose={onClose} />}
        {dialog === 'escalate' && <EscalateDialog ticket={ticket} timeline={timeline} customer={customer} engineers={engineers} clocks={clocks} onClose={onClose} />}
      </div>
    </div>
  );
}
