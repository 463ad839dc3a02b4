import { useTranslation } from 'react-i18next';
import type { Engineer } from '../../../../shared/directory';
import type { Ticket } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { ticketTargets } from './ticket-commands';

/** The owner picker; a closed ticket keeps the owner it was closed with, so it is shown but not editable. */
export function AssignSelect({ ticket, engineers }: { ticket: Ticket; engineers: Engineer[] }) {
  const { t } = useTranslation();
  const mutate = useMutations();
  return (
    <select
      id={ticketTargets.owner}
      aria-label={t('ticket.owner')}
      value={ticket.ownerId ?? ''}
      disabled={ticket.status === 'closed'}
      onChange={(e) => void mutate('ticket.assign@1', { ticketId: ticket.id, ownerId: e.target.value || undefined })}
    >
      <option value="">{t('owner.none')}</option>
      {engineers.map((e) => (
        <option key={e.id} value={e.id}>{e.name}</option>
      ))}
    </select>
  );
}
