import { useTranslation } from 'react-i18next';
import { allowedVisitActions, isVisitLocked, type Visit, type VisitAction } from '../../../../shared/dispatch';
import type { MutateOptions } from '../../app/mutations';
import { useVisitMutation } from '../dispatch';
import { ConfirmForm, InspectionForm, ReportForm } from './ReportForms';
import { WorkNoteComposer } from './WorkNoteComposer';
import { errorKey } from './form-errors';

/**
 * Stamps the device's clock on the steps the SLA and the visit record time: recorded offline, they
 * reach the server later, and the arrival counts when it happened, not when it synced.
 */
function stamped(action: VisitAction): VisitAction {
  return action.type === 'en_route' || action.type === 'arrive' || action.type === 'depart' ? { ...action, at: Date.now() } : action;
}

/** The field engineer's steps: en route -> arrived -> notes -> departed, report, confirmation, submit. */
export function VisitWorkflow({ visit, zone }: { visit: Visit; zone: string }) {
  const { t, i18n } = useTranslation();
  const { act, error, busy } = useVisitMutation();
  const allowed = allowedVisitActions(visit);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const run = (action: VisitAction, opts?: MutateOptions) => act(visit, action, opts);
  const step = (action: VisitAction, label: string, primary = false) =>
    allowed.includes(action.type) && (
      <button type="button" className={primary ? 'primary' : undefined} disabled={busy} onClick={() => void run(stamped(action))}>{label}</button>
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
        {step({ type: 'en_route' }, t('visits.enRoute'))}
        {step({ type: 'arrive' }, t('visits.arrive'), true)}
        {step({ type: 'depart' }, t('visits.depart'))}
        {step({ type: 'submit' }, t('visits.submit'), true)}
      </div>
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
