import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedVisitActions, isVisitLocked, stepOutsideWindow, type StepOutsideWindow, type TimedStep, type Visit, type VisitAction } from '../../../../shared/dispatch';
import type { MutateOptions } from '../../app/mutations';
import { useVisitMutation } from '../dispatch';
import { ConfirmForm, InspectionForm, ReportForm } from './ReportForms';
import { WorkNoteComposer } from './WorkNoteComposer';
import { errorKey } from './form-errors';
import { pendingRef } from '../../data';
import { useFieldUndo } from './field-undo';
import { StepConfirm, StepUndo } from './StepGuard';

/** The field engineer's steps: en route -> arrived -> notes -> departed, report, confirmation, submit. */
export function VisitWorkflow({ visit, zone }: { visit: Visit; zone: string }) {
  const { t, i18n } = useTranslation();
  const { act, actTracked, error, busy } = useVisitMutation();
  const [pending, setPending] = useState<StepOutsideWindow>();
  const recorded = useFieldUndo((s) => s.byVisit[visit.id]);
  const remember = useFieldUndo((s) => s.record);
  const allowed = allowedVisitActions(visit);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const run = (action: VisitAction, opts?: MutateOptions) => act(visit, action, opts);
  // The device's clock is stamped on the step: recorded offline, it reaches the server later, and
  // the arrival counts when it happened, not when it synced.
  const record = async (type: TimedStep, at: number) => {
    setPending(undefined);
    const r = await actTracked(visit, { type, at });
    if (r.ok && r.mutationId !== undefined) remember(visit.id, { change: pendingRef(r.mutationId), step: type, at });
  };
  const begin = (type: TimedStep) => {
    const at = Date.now();
    const outside = stepOutsideWindow(visit, type, at);
    if (outside) setPending(outside);
    else void record(type, at);
  };
  const step = (type: TimedStep, label: string, primary = false) =>
    allowed.includes(type) && (
      <button type="button" className={primary ? 'primary' : undefined} disabled={busy || pending !== undefined} onClick={() => begin(type)}>{label}</button>
    );
  const locked = isVisitLocked(visit);
  return (
    <section className="workflow" aria-label={t('visits.workflow')}>
      <ol className="workflow-steps">
        <li data-done={visit.enRouteAt !== undefined}>{t('visits.stepEnRoute')}{visit.enRouteAt !== undefined && <time> {fmt.format(visit.enRouteAt)}</time>}</li>
        <li data-done={visit.arrivedAt !== undefined} data-testid="arrived-at">{t('visits.stepArrived')}{visit.arrivedAt !== undefined && <time> {fmt.format(visit.arrivedAt)}</time>}</li>
        <li data-done={visit.departedAt !== undefined}>{t('visits.stepDeparted')}{visit.departedAt !== undefined && <time> {fmt.format(visit.departedAt)}</time>}</li>
        <li data-done={visit.submittedAt !== undefined}>{t('visits.stepSubmitted')}{visit.submittedAt !== undefined && <time> {fmt.format(visit.submittedAt)}</time>}</li>
      </ol>
      {locked && <p className="muted" data-testid="visit-locked">{t('visits.locked')}</p>}
      <div className="row workflow-buttons">
        {step('en_route', t('visits.enRoute'))}
        {step('arrive', t('visits.arrive'), true)}
        {step('depart', t('visits.depart'))}
        {allowed.includes('submit') && <button type="button" className="primary" disabled={busy} onClick={() => void run({ type: 'submit' })}>{t('visits.submit')}</button>}
      </div>
      {pending && <StepConfirm outside={pending} onRecord={() => void record(pending.step, pending.at)} onCancel={() => setPending(undefined)} />}
      {recorded && <StepUndo visitId={visit.id} recorded={recorded} zone={zone} />}
      {error && <p className="error" role="alert" data-testid="workflow-error">{t('visits.refused', { message: t(errorKey(error), { defaultValue: error }) })}</p>}
      {visit.workNotes.length > 0 && (
        <ul className="work-notes" aria-label={t('visits.workNotes')}>
          {visit.workNotes.map((n, i) => <li key={i}><span className="muted">{fmt.format(n.at)}</span> {n.text}</li>)}
        </ul>
      )}
      {allowed.includes('add_work_note') && <WorkNoteComposer visitId={visit.id} busy={busy} save={(text, draftKey) => run({ type: 'add_work_note', text }, { draftKey })} />}
      {(allowed.includes('report') || visit.report) && <ReportForm visit={visit} run={run} disabled={busy || !allowed.includes('report')} />}
      {(allowed.includes('confirm') || visit.customerConfirmation) && <ConfirmForm visit={visit} run={run} disabled={busy || !allowed.includes('confirm')} />}
      {visit.kind === 'inspection' && (allowed.includes('inspection_report') || visit.inspectionReport) && (
        <InspectionForm visit={visit} run={run} disabled={busy || !allowed.includes('inspection_report')} />
      )}
    </section>
  );
}
