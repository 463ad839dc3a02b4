import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { escalationMatrixForTicket } from '../../../../shared/contract';
import type { Customer, Engineer } from '../../../../shared/directory';
import type { Clock } from '../../../../shared/sla/clocks';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import { draftKey, restoreDraftValues, type Draft } from '../../../../shared/drafts';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { draftContext, type DraftSources } from './draft-sources';
import { escalateFormSchema, type EscalateForm } from './escalate-form';
import { openEmlDraft, recordEscalation } from './escalate-flow';
import { defaultEscalationLevel, levelOptions, prepareEscalation } from './escalation-draft';
import { EscalationPreview } from './EscalationPreview';
import { DraftFallbacks } from './DraftFallbacks';
import { LevelPicker } from './LevelPicker';
import { useEscalationMatrices } from './use-escalation-matrices';
import { DraftRestoredNotice, useDraftAutosave, useStoredDraft } from '../drafts';
import './escalation.css';
import { useOutcomeText } from '../../app/refusal-text';

export type EscalateDialogProps = { ticket: Ticket; timeline: TimelineEvent[]; customer?: Customer | undefined; engineers: Engineer[]; clocks: Clock[]; onClose: () => void };
type Status = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Manual escalation of one ticket: pick the level (the next one by default), say what was tried
 * and what is asked, see the exact draft, then one click records the escalation and opens the draft.
 * What is typed is kept on the device until the escalation is recorded.
 */
export function EscalateDialog(props: EscalateDialogProps) {
  const stored = useStoredDraft(draftKey('escalation', props.ticket.id));
  if (!stored.loaded) return null;
  return <EscalateDialogForm {...props} restored={stored.draft} />;
}

function EscalateDialogForm({ ticket, timeline, customer, engineers, clocks, onClose, restored }: EscalateDialogProps & { restored: Draft | undefined }) {
  const { t, i18n } = useTranslation();
  const outcomeText = useOutcomeText();
  const { host } = useServices();
  const mutate = useMutations();
  const config = useConfig();
  const matrices = useEscalationMatrices();
  const minute = useMinute();
  const matrix = escalationMatrixForTicket(matrices, ticket, config);
  const policy = config.policies.get(ticket.policyId);
  const initial = matrix ? defaultEscalationLevel(ticket, matrix) : undefined;
  const empty: EscalateForm = { level: initial ? String(initial) : '', tried: '', ask: '' };
  const key = draftKey('escalation', ticket.id);
  const form = useForm<EscalateForm>({ resolver: zodResolver(escalateFormSchema), defaultValues: restoreDraftValues(empty, restored?.values) });
  const [notice, setNotice] = useState(restored);
  const autosave = useDraftAutosave({ key, kind: 'escalation', read: () => form.getValues(), empty: () => empty });
  useEffect(() => {
    const sub = form.watch(() => autosave.changed());
    return () => sub.unsubscribe();
  }, [form, autosave]);
  const values = useWatch({ control: form.control });
  const [recordedLevel, setRecordedLevel] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const sources: DraftSources = { ticket, timeline, customer, engineers, clocks };
  const level = Number(values.level);
  const options = useMemo(() => (matrix ? levelOptions(ticket, matrix, engineers, i18n.language) : []), [ticket, matrix, engineers, i18n.language]);
  const prepare = (now: number) =>
    matrix && level >= 1 && level <= matrix.levels.length
      ? prepareEscalation(ticket, level, matrix, i18n.language, draftContext(sources, policy, { tried: values.tried ?? '', ask: values.ask ?? '', now }))
      : undefined;
  const prepared = prepare(minute);

  if (!matrix) return <div className="esc-dialog"><p role="alert" className="error">{t('escalation.noMatrix', { policy: ticket.policyId })}</p></div>;

  const run = async (v: EscalateForm, handOff: 'eml' | 'mail') => {
    const current = prepare(Date.now());
    if (!current || current.kind === 'blocked') return;
    if (recordedLevel !== current.level) {
      // The record removes the kept text in its own transaction; nothing may write it back meanwhile.
      autosave.hold();
      const r = await recordEscalation(mutate, ticket.id, current, v.ask, false, { draftKey: key });
      autosave.resume();
      if (r.outcome !== 'applied') {
        autosave.changed();
        return setStatus({ tone: 'error', text: t('escalation.refused', { message: outcomeText(r, r.outcome) }) });
      }
      setNotice(undefined);
      setRecordedLevel(current.level);
    }
    if (current.kind === 'customer_step') return setStatus({ tone: 'ok', text: t('escalation.customerRecorded') });
    if (handOff === 'mail') {
      // Sent by the server from the support mailbox; the timeline shows it sent or failed with the reason.
      const d = current.draft;
      const m = await mutate('mail.send@1', { ticketId: ticket.id, to: d.to, cc: d.cc ?? [], subject: d.subject.replace(/\s+/g, ' ').slice(0, 300), text: d.body, purpose: 'escalation' });
      return setStatus(m.outcome === 'applied' ? { tone: 'ok', text: t('escalation.mailQueued') } : { tone: 'error', text: t('escalation.mailRefused', { message: outcomeText(m, m.outcome) }) });
    }
    const h = await openEmlDraft(host, current);
    if (!h.ok) return setStatus({ tone: 'error', text: t('escalation.handoffFailed', { message: h.message }) });
    setStatus({ tone: 'ok', text: host.kind === 'web' ? t('escalation.downloaded', { file: current.fileName }) : t('escalation.opened') });
  };
  const escalate = form.handleSubmit((v) => run(v, 'eml'));
  const escalateByMail = form.handleSubmit((v) => run(v, 'mail'));

  const again = prepared !== undefined && recordedLevel === prepared.level;
  return (
    <form className="esc-dialog" onSubmit={(e) => void escalate(e)} onBlur={() => void autosave.flush()} aria-label={t('escalation.formLabel')} noValidate>
      {notice && <DraftRestoredNotice kind="escalation" savedAt={notice.savedAt} onDiscard={() => (setNotice(undefined), form.reset(empty), void autosave.discard())} />}
      {initial === undefined && <p className="muted">{t('escalation.topReached')}</p>}
      <LevelPicker options={options} field={form.register('level')} />
      {form.formState.errors.level && <p className="error">{t('escalation.chooseLevel')}</p>}
      <label className="esc-field">
        {t('escalation.tried')}
        <textarea rows={3} placeholder={t('escalation.triedPlaceholder')} {...form.register('tried')} />
      </label>
      <label className="esc-field">
        {t('escalation.ask')}
        <textarea rows={2} placeholder={t('escalation.askPlaceholder')} {...form.register('ask')} />
      </label>
      {prepared && <EscalationPreview prepared={prepared} />}
      <div className="esc-actions">
        <button type="submit" className="primary" disabled={!prepared || prepared.kind === 'blocked' || form.formState.isSubmitting} data-testid="escalate-primary">
          {prepared?.kind === 'customer_step' ? t('escalation.recordCustomer') : again ? t('escalation.openAgain') : t('escalation.primary')}
        </button>
        {prepared?.kind === 'draft' && (
          <button type="button" disabled={form.formState.isSubmitting} onClick={() => void escalateByMail()} data-testid="escalate-send">{t('escalation.sendMail')}</button>
        )}
        {prepared?.kind === 'draft' && <DraftFallbacks prepared={prepared} onStatus={setStatus} />}
        <button type="button" onClick={onClose}>{t('common.close')}</button>
      </div>
      {status && (
        <p role={status.tone === 'error' ? 'alert' : 'status'} className={status.tone === 'error' ? 'error' : 'esc-ok'} data-testid="escalation-status">
          {status.text}
        </p>
      )}
    </form>
  );
}
