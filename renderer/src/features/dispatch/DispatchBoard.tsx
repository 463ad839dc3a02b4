import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { BoardGrid } from './BoardGrid';
import { BoardToolbar } from './BoardToolbar';
import { BookingDialog } from './BookingDialog';
import { CancelDialog } from './CancelDialog';
import { InspectionsButton } from './InspectionsButton';
import { ServiceVisitRequest } from './ServiceVisitRequest';
import { UnscheduledQueue } from './UnscheduledQueue';
import { VisitPanel } from './VisitPanel';
import { useBoard } from './board-store';
import { fallbackOrganizer, type IcsSources } from './ics-export';
import { useAutoFaultVisitsResult } from './auto-fault-visits-service';
import { useDispatchData } from './use-visits';
import './dispatch.css';

/** The dispatcher's screen: unscheduled visits on the left, engineers x days/hours on the right. */
export function DispatchBoard() {
  const { t } = useTranslation();
  const data = useDispatchData();
  const auto = useAutoFaultVisitsResult((s) => s.result);
  const me = useSession((s) => s.session.userId);
  const { region, selectedVisitId, booking, cancelVisitId } = useBoard();
  const [handOffError, setHandOffError] = useState('');
  // The board opens on today's week: the view state outlives the screen (and the app may have been
  // open for days), so a dispatcher coming back would otherwise land on a week long past.
  useEffect(() => useBoard.getState().set({ anchor: Date.now() }), []);
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  const fieldEngineers = data.engineers.filter((e) => e.role === 'field_engineer');
  const shown = fieldEngineers.filter((e) => region === '' || e.region === region);
  const ics: IcsSources = { customers: data.customers, tickets: data.tickets, engineers: data.engineers, organizerEmail: data.engineers.find((e) => e.id === me)?.email ?? fallbackOrganizer };
  const selected = data.visits.find((v) => v.id === selectedVisitId);
  const bookingVisit = booking ? data.visits.find((v) => v.id === booking.visitId) : undefined;
  const cancelVisit = data.visits.find((v) => v.id === cancelVisitId);
  return (
    <section className="dispatch" aria-labelledby="dispatch-title">
      <header className="row dispatch-header">
        <h1 id="dispatch-title">{t('dispatch.title')}</h1>
        <ServiceVisitRequest />
        <InspectionsButton visits={data.visits} />
      </header>
      <BoardToolbar engineers={fieldEngineers} />
      {auto && auto.failed.length > 0 && (
        <p className="error" role="alert" data-testid="auto-visits-failed">
          {t('dispatch.autoFailed', { count: auto.failed.length, message: auto.failed[0]?.message ?? '' })}
        </p>
      )}
      {handOffError && <p className="error" role="alert">{t('dispatch.handOffFailed', { message: handOffError })}</p>}
      <div className="dispatch-body">
        <UnscheduledQueue data={data} />
        <div className="board-wrap">
          <BoardGrid data={data} engineers={shown} ics={ics} onError={setHandOffError} />
          {selected && <VisitPanel visit={selected} data={data} ics={ics} onError={setHandOffError} />}
        </div>
      </div>
      {booking && bookingVisit && <BookingDialog key={`${booking.visitId}-${booking.engineerId ?? ''}-${booking.start ?? ''}`} request={booking} visit={bookingVisit} data={data} engineers={fieldEngineers} />}
      {cancelVisit && <CancelDialog visit={cancelVisit} />}
    </section>
  );
}
