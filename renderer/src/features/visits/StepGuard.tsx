import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitSpan, type StepOutsideWindow, type TimedStep } from '../../../../shared/dispatch';
import { useServices } from '../../app/services';
import { isFollowedOnVisit, isSent, undoFieldStep, useFieldUndo, type RecordedStep } from './field-undo';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const stepNameKey: Record<TimedStep, string> = { en_route: 'visits.stepEnRoute', arrive: 'visits.stepArrived', depart: 'visits.stepDeparted' };

/** "1 d 3 h", "2 h 5 min", "40 min": how people say how far off a time is. */
export function spanText(t: Translate, minutes: number): string {
  const s = splitSpan(minutes);
  if (s.days > 0) return t('visits.spanDays', { days: s.days, hours: s.hours });
  if (s.hours > 0) return t('visits.spanHours', { hours: s.hours, minutes: s.minutes });
  return t('visits.spanMinutes', { minutes: s.minutes });
}

/** Asks before recording a step outside the booked window, saying how far outside, in the visit's own zone (named). */
export function StepConfirm({ outside, onRecord, onCancel }: { outside: StepOutsideWindow; onRecord: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: outside.zone });
  const args = {
    step: t(stepNameKey[outside.step]),
    at: fmt.format(outside.at),
    span: spanText(t, outside.minutes),
    window: fmt.formatRange(outside.window.start, outside.window.end),
    zone: outside.zone,
  };
  return (
    <div className="step-confirm" role="alertdialog" aria-labelledby="step-confirm-text" data-testid="step-confirm">
      <p id="step-confirm-text">{t(outside.side === 'early' ? 'visits.outsideEarly' : 'visits.outsideLate', args)} {t('visits.recordAnywayQuestion')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onRecord}>{t('visits.recordAnyway')}</button>
        <button type="button" onClick={onCancel} autoFocus>{t('visits.dontRecord')}</button>
      </div>
    </div>
  );
}

type UndoState = 'pending' | 'sent' | 'superseded';

/**
 * The last step recorded here, with an undo while the server has not seen it. Once sent (or
 * followed by a later change to the same visit on this device) the undo is replaced by the reason
 * it is gone; changes the background queues meanwhile on other rows do not take it away.
 */
export function StepUndo({ visitId, recorded, zone }: { visitId: string; recorded: RecordedStep; zone: string }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const { record, forget } = useFieldUndo();
  const [busy, setBusy] = useState(false);
  const live = useLiveQuery(async (): Promise<UndoState> => {
    if (await isSent(db, recorded.change)) return 'sent';
    return (await isFollowedOnVisit(db, recorded.change, visitId)) ? 'superseded' : 'pending';
  }, [db, recorded.change, visitId]);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const step = t(stepNameKey[recorded.step]);
  if (recorded.result === 'withdrawn') {
    return <p className="step-undo" role="status" data-testid="step-undo">{t('visits.undone', { step })}</p>;
  }
  const state: UndoState | undefined = recorded.result === 'sent' || recorded.result === 'superseded' ? recorded.result : live;
  if (state === undefined) return null;
  const undo = async () => {
    setBusy(true);
    try {
      record(visitId, { ...recorded, result: await undoFieldStep(db, recorded.change) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="step-undo row" role="status" data-testid="step-undo" data-state={state}>
      <span>{t('visits.recorded', { step, at: fmt.format(recorded.at) })}</span>{' '}
      {state === 'pending' && (
        <>
          <span className="muted">{t('visits.undoHint')}</span>
          <button type="button" disabled={busy} onClick={() => void undo()}>{t('visits.undo')}</button>
        </>
      )}
      {state === 'sent' && <span className="muted">{t('visits.undoGoneSent', { step })}</span>}
      {state === 'superseded' && <span className="muted">{t('visits.undoGoneLater', { step })}</span>}
      {state !== 'pending' && <button type="button" className="link" onClick={() => forget(visitId)} aria-label={t('common.close')}>×</button>}
    </p>
  );
}
