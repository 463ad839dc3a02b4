import { useEffect, useState } from 'react';
import { useForm, useFieldArray } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { customerConfirmationSchema, inspectionReportSchema, visitReportSchema, type Visit, type VisitAction } from '../../../../shared/dispatch';
import { draftKey, restoreDraftValues, type Draft } from '../../../../shared/drafts';
import type { MutateOptions } from '../../app/mutations';
import { DraftRestoredNotice, useDraftAutosave, useStoredDraft } from '../drafts';
import { errorKey } from './form-errors';

/** Runs one workflow action as the synced 'visit.action@1' mutation; false when refused. */
export type RunAction = (action: VisitAction, opts?: MutateOptions) => Promise<boolean>;

const reportForm = visitReportSchema.pick({ found: true, done: true, followUp: true }).extend({ followUp: z.string() });
type ReportForm = z.infer<typeof reportForm>;
const confirmForm = customerConfirmationSchema.pick({ name: true, text: true, confirmed: true }).extend({ text: z.string() });
type ConfirmForm = z.infer<typeof confirmForm>;
const inspectionForm = inspectionReportSchema.extend({ items: z.array(z.object({ item: z.string().trim().min(1), ok: z.boolean(), note: z.string() })) });
type InspectionForm = z.infer<typeof inspectionForm>;

function useErr() {
  const { t } = useTranslation();
  return (m: string | undefined) => (m ? <span className="error" role="alert">{t(errorKey(m), { defaultValue: m })}</span> : null);
}

/** The report as last saved, or empty: what the form shows when nothing unsaved is kept. */
function savedReport(visit: Visit): ReportForm {
  return { found: visit.report?.found ?? '', done: visit.report?.done ?? '', followUp: visit.report?.followUp ?? '' };
}

/** What was found, what was done, follow-up: editable until the visit is submitted; unsaved text is kept on the device. */
export function ReportForm(props: { visit: Visit; run: RunAction; disabled: boolean }) {
  const stored = useStoredDraft(draftKey('visitReport', props.visit.id));
  if (!stored.loaded) return null;
  return <ReportFormView {...props} restored={stored.draft} />;
}

function ReportFormView({ visit, run, disabled, restored }: { visit: Visit; run: RunAction; disabled: boolean; restored: Draft | undefined }) {
  const { t } = useTranslation();
  const err = useErr();
  const key = draftKey('visitReport', visit.id);
  const [notice, setNotice] = useState(restored);
  const form = useForm<ReportForm>({ resolver: zodResolver(reportForm), defaultValues: restoreDraftValues(savedReport(visit), restored?.values) });
  const { register, handleSubmit, formState } = form;
  const autosave = useDraftAutosave({ key, kind: 'visitReport', read: () => form.getValues(), empty: () => savedReport(visit) });
  useEffect(() => {
    const sub = form.watch(() => autosave.changed());
    return () => sub.unsubscribe();
  }, [form, autosave]);
  const submit = handleSubmit(async (v) => {
    // The save removes the draft in its own transaction; nothing may write it back meanwhile.
    autosave.hold();
    const ok = await run({ type: 'report', ...v }, { draftKey: key });
    autosave.resume();
    if (ok) setNotice(undefined);
    const now = form.getValues();
    if (!ok || now.found !== v.found || now.done !== v.done || now.followUp !== v.followUp) autosave.changed();
  });
  const discard = () => {
    setNotice(undefined);
    form.reset(savedReport(visit));
    void autosave.discard();
  };
  return (
    <form className="workflow-form" aria-labelledby={`report-${visit.id}`} onSubmit={(e) => void submit(e)} onBlur={() => void autosave.flush()} noValidate>
      <h4 id={`report-${visit.id}`}>{t('visits.report')}</h4>
      {notice && <DraftRestoredNotice kind="visitReport" savedAt={notice.savedAt} onDiscard={discard} />}
      <fieldset className="plain" disabled={disabled}>
      <label><span>{t('visits.found')}</span><textarea {...register('found')} aria-label={t('visits.found')} />{err(formState.errors.found?.message)}</label>
      <label><span>{t('visits.done')}</span><textarea {...register('done')} aria-label={t('visits.done')} />{err(formState.errors.done?.message)}</label>
      <label><span>{t('visits.followUp')}</span><textarea {...register('followUp')} aria-label={t('visits.followUp')} /></label>
      <button type="submit">{t('visits.saveReport')}</button>
      </fieldset>
      {visit.report && <span className="muted" role="status">{t('visits.reportSaved')}</span>}
    </form>
  );
}

/** The customer's confirmation: who confirms, what they say, and the tick that they agree. */
export function ConfirmForm({ visit, run, disabled }: { visit: Visit; run: RunAction; disabled: boolean }) {
  const { t } = useTranslation();
  const err = useErr();
  const c = visit.customerConfirmation;
  const { register, handleSubmit, formState } = useForm<ConfirmForm>({
    resolver: zodResolver(confirmForm),
    defaultValues: { name: c?.name ?? '', text: c?.text ?? '', confirmed: c?.confirmed ?? false },
  });
  const submit = handleSubmit(async (v) => void (await run({ type: 'confirm', ...v })));
  return (
    <form className="workflow-form" aria-labelledby={`confirm-${visit.id}`} onSubmit={(e) => void submit(e)} noValidate>
      <h4 id={`confirm-${visit.id}`}>{t('visits.confirmation')}</h4>
      <fieldset className="plain" disabled={disabled}>
      <label><span>{t('visits.confirmName')}</span><input {...register('name')} aria-label={t('visits.confirmName')} />{err(formState.errors.name?.message)}</label>
      <label><span>{t('visits.confirmText')}</span><textarea {...register('text')} aria-label={t('visits.confirmText')} /></label>
      <label className="check"><input type="checkbox" {...register('confirmed')} /> <span>{t('visits.confirmCheck')}</span></label>
      <button type="submit">{t('visits.saveConfirmation')}</button>
      </fieldset>
      {c && <span className="muted" role="status">{t(c.confirmed ? 'visits.confirmedBy' : 'visits.notConfirmedBy', { name: c.name })}</span>}
    </form>
  );
}

/** Inspection report: checked items (ok or not, with a note) and a summary. */
export function InspectionForm({ visit, run, disabled }: { visit: Visit; run: RunAction; disabled: boolean }) {
  const { t } = useTranslation();
  const err = useErr();
  const r = visit.inspectionReport;
  const { register, handleSubmit, formState, control } = useForm<InspectionForm>({
    resolver: zodResolver(inspectionForm),
    defaultValues: { summary: r?.summary ?? '', items: r?.items ?? [{ item: '', ok: true, note: '' }] },
  });
  const items = useFieldArray({ control, name: 'items' });
  const submit = handleSubmit(async (v) => void (await run({ type: 'inspection_report', report: v })));
  return (
    <form className="workflow-form" aria-labelledby={`inspection-${visit.id}`} onSubmit={(e) => void submit(e)} noValidate>
      <h4 id={`inspection-${visit.id}`}>{t('visits.inspection')}</h4>
      <fieldset className="plain" disabled={disabled}>
      {items.fields.map((f, i) => (
        <div key={f.id} className="row inspection-item">
          <input {...register(`items.${i}.item`)} aria-label={t('visits.inspectionItem', { n: i + 1 })} placeholder={t('visits.inspectionItemHint')} />
          <label className="check"><input type="checkbox" {...register(`items.${i}.ok`)} /> {t('visits.itemOk')}</label>
          <input {...register(`items.${i}.note`)} aria-label={t('visits.itemNote', { n: i + 1 })} />
          <button type="button" className="link" onClick={() => items.remove(i)}>{t('visits.removeItem')}</button>
        </div>
      ))}
      <button type="button" onClick={() => items.append({ item: '', ok: true, note: '' })}>{t('visits.addItem')}</button>
      <label><span>{t('visits.summary')}</span><textarea {...register('summary')} aria-label={t('visits.summary')} />{err(formState.errors.summary?.message)}</label>
      <button type="submit">{t('visits.saveInspection')}</button>
      </fieldset>
    </form>
  );
}
