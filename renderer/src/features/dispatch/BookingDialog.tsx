import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { isBookingBlocked, rankEngineers, type BookingFinding, type EngineerRanking, type Visit, type VisitWindow } from '../../../../shared/dispatch';
import type { Engineer } from '../../../../shared/directory';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { bookingFormSchemaFor, findingsFor, formWindow, instantToWallTime, type BookingForm } from './booking';
import { useBoard, type BookingRequest } from './board-store';
import { liveDeadlineOf } from './deadlines';
import { findingText } from './finding-text';
import type { DispatchData } from './use-visits';
import { useVisitMutation } from './use-visit-mutation';
import { visitTitle } from './visit-labels';
import { EngineerSuggestion, rankingReasons } from './EngineerSuggestion';

const HOUR = 3_600_000;

type Config = ReturnType<typeof useConfig>;

function rankFor(visit: Visit, window: VisitWindow | undefined, travel: number, engineers: Engineer[], config: Config, data: DispatchData, deadline: number | undefined): EngineerRanking[] {
  if (!window) return [];
  try {
    return rankEngineers({
      visit, window, travelBufferMinutes: travel, visits: data.visits, now: Date.now(),
      engineers: engineers.map((engineer) => ({ engineer, calendar: config.calendars[engineer.calendarId] })),
      ...(deadline !== undefined ? { deadline } : {}),
    });
  } catch {
    return [];
  }
}

/** Book or move a visit: engineer, start, duration, travel buffer; the checks are shown before anything is saved. */
export function BookingDialog({ request, visit, data, engineers }: { request: BookingRequest; visit: Visit; data: DispatchData; engineers: Engineer[] }) {
  const { t, i18n } = useTranslation();
  const config = useConfig();
  const now = useMinute();
  const { zone, set } = useBoard();
  const { act, error, busy } = useVisitMutation();
  const close = () => set({ booking: undefined });
  const deadline = liveDeadlineOf(data.tickets, config, now)(visit);
  const startAt = request.start ?? visit.window?.start ?? Math.ceil((Date.now() + HOUR) / HOUR) * HOUR;
  const duration = visit.window ? Math.round((visit.window.end - visit.window.start) / 60_000) : 120;
  // A new booking starts on the best engineer for the proposed slot; a drop on a row or a move keeps that engineer.
  const initialBest = request.engineerId ?? visit.engineerId ?? rankFor(visit, { start: startAt, end: startAt + duration * 60_000 }, visit.travelBufferMinutes, engineers, config, data, deadline)[0]?.engineer.id;
  const defaults: BookingForm = {
    engineerId: initialBest ?? engineers[0]?.id ?? '',
    start: instantToWallTime(startAt, zone),
    durationMinutes: duration,
    travelBufferMinutes: visit.travelBufferMinutes,
    reason: '',
  };
  const resolver = useMemo(() => zodResolver(bookingFormSchemaFor(request.mode)), [request.mode]);
  const { register, handleSubmit, control, formState, setValue } = useForm<BookingForm>({ resolver, defaultValues: defaults });
  const values = useWatch({ control }) as Partial<BookingForm>;
  const window = formWindow({ start: values.start ?? '', durationMinutes: Number(values.durationMinutes) }, zone);
  const ranking = rankFor(visit, window, Number(values.travelBufferMinutes) || 0, engineers, config, data, deadline);
  const best = ranking[0];
  const order = new Map(ranking.map((r, i) => [r.engineer.id, i]));
  const options = [...engineers].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  const lineName = [...config.products.values()].find((p) => p.productLine === visit.productLine)?.productLineName ?? visit.productLine;
  const bestEngineer = engineers.find((e) => e.id === best?.engineer.id);
  const reasons = best && bestEngineer ? rankingReasons(t, best, { engineerRegion: bestEngineer.region, ...(lineName !== undefined ? { lineName } : {}), ...(visit.region !== undefined ? { region: visit.region } : {}) }) : [];
  const engineer = engineers.find((e) => e.id === values.engineerId);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  let findings: BookingFinding[] = [];
  let checkError = '';
  if (window && values.engineerId) {
    try {
      findings = findingsFor(visit, values.engineerId, window, Number(values.travelBufferMinutes) || 0, { engineers, calendars: config.calendars, visits: data.visits, now: Date.now(), ...(deadline !== undefined ? { deadline } : {}) });
    } catch (e) {
      checkError = e instanceof Error ? e.message : String(e);
    }
  }
  const blocked = isBookingBlocked(findings) || checkError !== '';
  const err = (name: keyof BookingForm) => {
    const m = formState.errors[name]?.message;
    return m ? <span className="error" role="alert">{t(`dispatch.formError.${m}`, { defaultValue: m })}</span> : null;
  };

  const submit = handleSubmit(async (v) => {
    const w = formWindow(v, zone);
    if (!w || blocked) return;
    const travel = v.travelBufferMinutes;
    const ok = request.mode === 'schedule'
      ? await act(visit, { type: 'schedule', engineerId: v.engineerId, window: w, travelBufferMinutes: travel })
      : await act(visit, { type: 'reschedule', engineerId: v.engineerId, window: w, travelBufferMinutes: travel, reason: v.reason });
    if (ok) set({ booking: undefined, selectedVisitId: visit.id });
  });

  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <form className="dialog booking-dialog" role="dialog" aria-modal="true" aria-labelledby="booking-title" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="booking-title">{t(request.mode === 'schedule' ? 'dispatch.bookTitle' : 'dispatch.rescheduleTitle')}</h2>
        <p className="muted">{visitTitle(visit, data.customers, data.tickets, t(`dispatch.kind.${visit.kind}`))}</p>
        {deadline !== undefined && <p>{t('dispatch.arriveBy', { at: fmt.format(deadline) })}</p>}
        <div className="booking-fields">
          <label>
            <span>{t('dispatch.engineer')}</span>
            <select {...register('engineerId')} aria-label={t('dispatch.engineer')} autoFocus>
              {options.map((e) => (
                <option key={e.id} value={e.id}>{e.name} ({e.region}){e.id === best?.engineer.id ? ` — ${t('dispatch.suggestedShort')}` : ''}</option>
              ))}
            </select>
            {err('engineerId')}
          </label>
          <div className="wide">
            <EngineerSuggestion best={best} selectedId={values.engineerId ?? ''} reasons={reasons} onUse={() => best && setValue('engineerId', best.engineer.id, { shouldDirty: true })} />
          </div>
          <label>
            <span>{t('dispatch.start', { zone })}</span>
            <input type="datetime-local" {...register('start')} aria-label={t('dispatch.startLabel')} />
            {err('start')}
          </label>
          <label>
            <span>{t('dispatch.duration')}</span>
            <input type="number" min={15} step={15} {...register('durationMinutes', { valueAsNumber: true })} aria-label={t('dispatch.duration')} />
            {err('durationMinutes')}
          </label>
          <label>
            <span>{t('dispatch.travel')}</span>
            <input type="number" min={0} step={5} {...register('travelBufferMinutes', { valueAsNumber: true })} aria-label={t('dispatch.travel')} />
            {err('travelBufferMinutes')}
          </label>
          {request.mode === 'reschedule' && (
            <label className="wide">
              <span>{t('dispatch.reasonField')}</span>
              <input {...register('reason')} aria-label={t('dispatch.reasonField')} />
              {err('reason')}
            </label>
          )}
        </div>
        <section className="findings" aria-live="polite" aria-label={t('dispatch.checks')} data-testid="booking-findings">
          {checkError !== '' && <p className="error">{checkError}</p>}
          {window && checkError === '' && findings.length === 0 && <p className="finding ok">{t('dispatch.noFindings')}</p>}
          {findings.map((f, i) => (
            <p key={`${f.code}-${i}`} className={`finding finding-${f.severity}`} data-code={f.code} data-severity={f.severity}>
              <b>{t(`dispatch.severity.${f.severity}`)}</b> {findingText(f, { t, engineerName: engineer?.name ?? '', formatTime: (x) => fmt.format(x), window: window ?? { start: 0, end: 0 } })}
            </p>
          ))}
          {blocked && <p className="error" role="alert" data-testid="booking-blocked">{t('dispatch.blocked')}</p>}
        </section>
        {error && <p className="error" role="alert">{t('dispatch.refused', { message: error })}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={close}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={blocked || busy}>
            {findings.length > 0 && !blocked ? t('dispatch.bookAnyway') : t(request.mode === 'schedule' ? 'dispatch.confirmBook' : 'dispatch.confirmReschedule')}
          </button>
        </div>
      </form>
    </div>
  );
}
