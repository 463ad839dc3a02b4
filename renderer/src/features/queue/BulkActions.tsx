import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ticketStatuses, type TicketStatus } from '../../../../shared/ticket';
import { canTransition } from '../../../../shared/ticket/status';
import { useServices } from '../../app/services';
import { useMutations } from '../../app/mutations';
import { useConfig } from '../../config/config-store';
import { EscalateSelectedButton } from '../escalation';
import { useRegisterCommands } from '../palette';

type Action = 'assign' | 'status' | 'severity';

/** Assign, move or re-grade many tickets at once; one shared reason for severity changes. */
export function BulkActions({ ticketIds, onDone }: { ticketIds: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const mutate = useMutations();
  const engineers = useLiveQuery(() => db.engineers.toArray(), [db]) ?? [];
  // A closed ticket is final: re-grading is offered only while some selected ticket is still open.
  const anyOpen = useLiveQuery(async () => (await db.tickets.bulkGet(ticketIds)).some((x) => x !== undefined && x.status !== 'closed'), [db, ticketIds]) ?? true;
  const [action, setAction] = useState<Action>('assign');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<string>('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const tickets = (await db.tickets.bulkGet(ticketIds)).filter((x) => x !== undefined);
    let done = 0;
    const skipped: string[] = [];
    for (const ticket of tickets) {
      let r;
      if (action === 'assign') {
        r = await mutate('ticket.assign@1', { ticketId: ticket.id, ownerId: value || undefined });
      } else if (action === 'status') {
        if (!canTransition(ticket.status, value as TicketStatus)) {
          skipped.push(ticket.id);
          continue;
        }
        r = await mutate('ticket.changeStatus@1', { ticketId: ticket.id, to: value as TicketStatus, reason });
      } else {
        const policy = config.policies.get(ticket.policyId);
        if (ticket.status === 'closed' || !policy || !policy.severityLevels.some((l) => l.id === value && !l.aboveTop)) {
          skipped.push(ticket.id);
          continue;
        }
        // Impact and urgency stay; the severity command decides the priority.
        r = await mutate('ticket.changeSeverity@2', { ticketId: ticket.id, severity: value, impact: ticket.impact, urgency: ticket.urgency, reason });
      }
      // A ticket the command refused (e.g. closed meanwhile) is listed as skipped, not counted as done.
      if (r.outcome === 'applied') done++;
      else skipped.push(ticket.id);
    }
    setResult(t('bulk.result', { done, skipped: skipped.length, ids: skipped.join(', ') }));
    if (skipped.length === 0) onDone();
  };

  const needsReason = action === 'severity';
  const valueRef = useRef<HTMLSelectElement & HTMLInputElement>(null);
  // "b a", "b s", "b v": pick the bulk action and put the cursor on its value, ready to choose.
  const pick = (a: Action) => {
    setAction(a);
    setValue('');
    setTimeout(() => valueRef.current?.focus(), 0);
  };
  useRegisterCommands('bulk', [
    { id: 'bulk-assign', labelKey: 'commands.bulkAssign', keys: 'b a', run: () => pick('assign') },
    { id: 'bulk-status', labelKey: 'commands.bulkStatus', keys: 'b s', run: () => pick('status') },
    ...(anyOpen ? [{ id: 'bulk-severity', labelKey: 'commands.bulkSeverity', keys: 'b v', run: () => pick('severity') }] : []),
  ]);
  return (
    <form className="bulk" onSubmit={(e) => void submit(e)} aria-label={t('bulk.title')}>
      <strong>{t('bulk.selected', { count: ticketIds.length })}</strong>
      <select aria-label={t('bulk.action')} value={action} onChange={(e) => (setAction(e.target.value as Action), setValue(''))}>
        <option value="assign">{t('bulk.assign')}</option>
        <option value="status">{t('bulk.status')}</option>
        {anyOpen && <option value="severity">{t('bulk.severity')}</option>}
      </select>
      {action === 'assign' && (
        <select ref={valueRef} aria-label={t('bulk.owner')} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">{t('owner.none')}</option>
          {engineers.map((en) => (
            <option key={en.id} value={en.id}>{en.name}</option>
          ))}
        </select>
      )}
      {action === 'status' && (
        <select ref={valueRef} aria-label={t('bulk.status')} value={value} onChange={(e) => setValue(e.target.value)} required>
          <option value="" disabled>{t('bulk.choose')}</option>
          {ticketStatuses.map((s) => (
            <option key={s} value={s}>{t(`status.${s}`)}</option>
          ))}
        </select>
      )}
      {action === 'severity' && (
        <input ref={valueRef} aria-label={t('bulk.severity')} placeholder={t('bulk.severityLevel')} value={value} onChange={(e) => setValue(e.target.value)} required size={6} />
      )}
      <input aria-label={t('bulk.reason')} placeholder={t('bulk.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required={needsReason} />
      <button type="submit">{t('bulk.apply')}</button>
      <EscalateSelectedButton ticketIds={ticketIds} onDone={onDone} />
      <button type="button" onClick={onDone}>{t('common.cancel')}</button>
      {result && <span role="status">{result}</span>}
    </form>
  );
}
