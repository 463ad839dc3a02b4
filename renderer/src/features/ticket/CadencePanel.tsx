import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/directory';
import type { Clock } from '../../../../shared/sla/clocks';
import type { Ticket } from '../../../../shared/ticket';
import { customerUpdateKinds, renderCustomerUpdate, suggestedUpdateKind, type CustomerUpdateKind } from '../../../../shared/customer-update';
import { renderEml } from '../../../../shared/mail';
import { draftKey, type Draft } from '../../../../shared/drafts';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { formatMinutes, clockUrgency } from '../clocks';
import { useOutcomeText } from '../../app/refusal-text';
import { DraftRestoredNotice, useDraftAutosave, useStoredDraft } from '../drafts';

type PanelProps = { ticket: Ticket; clocks: Clock[]; customer?: Customer };
type UpdateText = { subject: string; body: string };

/** The countdown to the next customer update, and the update itself from a template in the customer's language; an edited update is kept until recorded. */
export function CadencePanel(props: PanelProps) {
  const stored = useStoredDraft(draftKey('customerUpdate', props.ticket.id));
  if (!stored.loaded) return null;
  return <CadenceView {...props} restored={stored.draft} />;
}

/** The kept update, when it has the fields of one. */
function restoredUpdate(d: Draft | undefined): { kind?: CustomerUpdateKind; text: UpdateText | null } {
  const v = d?.values ?? {};
  const kind = customerUpdateKinds.find((k) => k === v.kind);
  const text = typeof v.subject === 'string' && typeof v.body === 'string' && (v.subject !== '' || v.body !== '') ? { subject: v.subject, body: v.body } : null;
  return { ...(kind ? { kind } : {}), text };
}

function CadenceView({ ticket, clocks, customer, restored }: PanelProps & { restored: Draft | undefined }) {
  const { t, i18n } = useTranslation();
  const outcomeText = useOutcomeText();
  const { host, db } = useServices();
  const mutate = useMutations();
  const me = useSession((s) => s.session.userId);
  const cadence = clocks.find((c) => c.kind === 'update_cadence');
  const sent = ticket.sla.customerUpdates.length;
  const kept = restoredUpdate(restored);
  const suggested = suggestedUpdateKind(sent, ticket.status);
  const [kind, setKindState] = useState<CustomerUpdateKind>(kept.kind ?? suggested);
  const [draft, setDraftState] = useState<UpdateText | null>(kept.text);
  const [notice, setNotice] = useState(kept.text ? restored : undefined);
  const [message, setMessage] = useState('');
  const key = draftKey('customerUpdate', ticket.id);
  // What the panel shows right now, for draft writes between renders.
  const shown = useRef({ kind, draft });
  const autosave = useDraftAutosave({
    key,
    kind: 'customerUpdate',
    read: () => ({ kind: shown.current.kind, subject: shown.current.draft?.subject ?? '', body: shown.current.draft?.body ?? '' }),
    empty: () => ({ kind: shown.current.kind, subject: '', body: '' }),
  });
  const setKind = (k: CustomerUpdateKind) => {
    shown.current.kind = k;
    setKindState(k);
  };
  const setDraft = (d: UpdateText | null) => {
    shown.current.draft = d;
    setDraftState(d);
    autosave.changed();
  };
  const language = customer?.language ?? i18n.language;

  const compose = async (k: CustomerUpdateKind) => {
    const engineer = (await db.engineers.get(me))?.name ?? me;
    const next = cadence?.target !== undefined && cadence.state === 'running' ? new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: customer?.site.timeZone }).format(cadence.target) : '';
    setDraft(renderCustomerUpdate(k, language, { ticketId: ticket.id, title: ticket.title, contact: ticket.contactName || (customer?.name ?? ''), engineer, status: t(`status.${ticket.status}`, { lng: language }), nextUpdate: next }));
  };
  const openDraft = async () => {
    if (!draft) return;
    try {
      await host.invoke('draft.openEml', { fileName: `${ticket.id}-update-${sent + 1}.eml`, eml: renderEml({ to: ticket.contactEmail ? [ticket.contactEmail] : [], subject: draft.subject, body: draft.body }) });
      setMessage(t('cadence.opened'));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const recordSent = async () => {
    // The record removes the kept update in its own transaction; nothing may write it back meanwhile.
    autosave.hold();
    const r = await mutate('ticket.recordCustomerUpdate@1', { ticketId: ticket.id, text: draft ? `${draft.subject}\n\n${draft.body}` : '' }, { draftKey: key });
    autosave.resume();
    setMessage(r.outcome === 'applied' ? t('cadence.recorded') : outcomeText(r, ''));
    if (r.outcome === 'applied') {
      setNotice(undefined);
      shown.current.draft = null;
      setDraftState(null);
    } else autosave.changed();
  };
  const discard = () => {
    setNotice(undefined);
    setDraft(null);
    void autosave.discard();
  };

  return (
    <section className="cadence" aria-label={t('cadence.title')} onBlur={() => void autosave.flush()}>
      <h3>{t('cadence.title')}</h3>
      {notice && <DraftRestoredNotice kind="customerUpdate" savedAt={notice.savedAt} onDiscard={discard} />}
      {!cadence || cadence.state === 'met' || cadence.state === 'pending' ? (
        <p className="muted">{t('cadence.none')}</p>
      ) : (
        <p className={`clock-${clockUrgency(cadence)}`} data-testid="cadence-countdown">
          {cadence.remainingMinutes < 0
            ? t('cadence.overdue', { time: formatMinutes(-cadence.remainingMinutes, i18n.language) })
            : t('cadence.due', { time: formatMinutes(cadence.remainingMinutes, i18n.language) })}
        </p>
      )}
      <p className="muted">{t('cadence.sent', { count: sent })}</p>
      <div className="row">
        <select aria-label={t('cadence.template')} value={kind} onChange={(e) => setKind(e.target.value as CustomerUpdateKind)}>
          {customerUpdateKinds.map((k) => (
            <option key={k} value={k}>{t(`cadence.kinds.${k}`)}</option>
          ))}
        </select>
        <button type="button" onClick={() => void compose(kind)}>{t('cadence.compose')}</button>
      </div>
      {draft && (
        <div className="cadence-draft">
          <input aria-label={t('cadence.subject')} value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} />
          <textarea aria-label={t('cadence.body')} rows={8} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
          <div className="row">
            <button type="button" onClick={() => void openDraft()}>{t('cadence.openDraft')}</button>
            <button type="button" onClick={() => void host.invoke('clipboard.writeText', { text: `${draft.subject}\n\n${draft.body}` })}>{t('cadence.copy')}</button>
          </div>
        </div>
      )}
      <button type="button" className="primary" onClick={() => void recordSent()}>{t('cadence.recordSent')}</button>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
