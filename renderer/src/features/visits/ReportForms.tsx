import { useForm, useFieldArray } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { customerConfirmationSchema, inspectionReportSchema, visitReportSchema, type Visit, type VisitAction } from '../../../../shared/dispatch';
import { errorKey } from './form-errors';

/** Runs one workflow action as the synced 'visit.action@1' mutation; false when refused. */
export type RunAction = (action: VisitAction) => Promise<boolean>;

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

/** What was found, what was done, follow-up: editable until the visit is submitted. */
export function ReportForm({ visit, run, disabled }: { visit: Visit; run: RunAction; disabled: boolean }) {
  const { t } = useTranslation();
  const err = useErr();
  const { register, handleSubmit, formState } = useForm<ReportForm>({
    resolver: zodResolver(reportForm),
    defaultValues: { found: visit.report?.found ?? '', done: visit.report?.done ?? '', followUp: visit.report?.followUp ?? '' },
  });
  const submit = handleSubmit(async (v) => void (await run({ type: 'report', ...v })));
  return (
    <form className="workflow-form" aria-labelledby={`report-${visit.id}`} onSubmit={(e) => void submit(e)} noValidate>
      <h4 id={`report-${visit.id}`}>{t('visits.report')}</h4>
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
