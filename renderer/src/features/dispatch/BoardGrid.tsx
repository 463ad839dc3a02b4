import { useTranslation } from 'react-i18next';
import { findScheduleClashes, type Visit } from '../../../../shared/dispatch';
import type { Engineer } from '../../../../shared/directory';
import type { BusinessCalendar } from '../../../../shared/sla';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';
import { assignLanes, blockSpan, boardColumns, openHours, openHoursGradient, openShare, suggestedStart, type BoardColumn } from './board-layout';
import { useBoard } from './board-store';
import { exportEngineerFeed, type IcsSources } from './ics-export';
import { visitDragType } from './UnscheduledQueue';
import { isOnBoard } from './visit-rows';
import type { DispatchData } from './use-visits';
import { visitTitle } from './visit-labels';
import { useOpenVisitConflicts } from './use-visit-conflicts';

const MINUTE = 60_000;
const SHADE = 'var(--ok)';

/** Engineers (rows) by days or hours (columns): working-hours shading, visits as blocks, drop targets. */
export function BoardGrid({ data, engineers, ics, onError }: { data: DispatchData; engineers: Engineer[]; ics: IcsSources; onError: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const { host } = useServices();
  const config = useConfig();
  const { view, anchor, zone, selectedVisitId, set } = useBoard();
  const columns = boardColumns(view, anchor, zone);
  const clashIds = new Set(findScheduleClashes(data.visits).flatMap((c) => [c.first.id, c.second.id]));
  const disputedIds = useOpenVisitConflicts();
  const head = new Intl.DateTimeFormat(i18n.language, view === 'week' ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone } : { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const timeFmt = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const cellFmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: view === 'day' ? 'short' : undefined, timeZone: zone });

  const drop = (e: React.DragEvent, engineer: Engineer, column: BoardColumn, calendar: BusinessCalendar | undefined) => {
    e.preventDefault();
    const visitId = e.dataTransfer.getData(visitDragType) || e.dataTransfer.getData('text/plain');
    const visit = data.visits.find((v) => v.id === visitId);
    if (!visit) return;
    const mode = visit.status === 'unscheduled' ? 'schedule' : 'reschedule';
    set({ booking: { visitId, mode, engineerId: engineer.id, start: suggestedStart(calendar, column) } });
  };

  const block = (v: Visit, lane: number) => {
    if (!v.window) return null;
    const from = v.window.start - v.travelBufferMinutes * MINUTE;
    const span = blockSpan(view, from, v.window.end, columns);
    if (!span) return null;
    const travelShare = view === 'day' && v.travelBufferMinutes > 0 ? ((v.travelBufferMinutes * MINUTE) / (v.window.end - from)) * 100 : 0;
    const title = visitTitle(v, data.customers, data.tickets, t(`dispatch.kind.${v.kind}`));
    const clash = clashIds.has(v.id);
    const disputed = disputedIds.has(v.id);
    const label = t('dispatch.blockLabel', { title, from: timeFmt.format(v.window.start), to: timeFmt.format(v.window.end), status: t(`dispatch.status.${v.status}`) }) + (clash ? ` — ${t('dispatch.clash')}` : '') + (disputed ? ` — ${t('dispatch.visitConflict')}` : '');
    return (
      <button
        key={v.id}
        type="button"
        draggable={v.submittedAt === undefined}
        onDragStart={(e) => {
          e.dataTransfer.setData(visitDragType, v.id);
          e.dataTransfer.setData('text/plain', v.id);
        }}
        className={`visit-block status-${v.status}${clash ? ' clash' : ''}${disputed ? ' disputed' : ''}${selectedVisitId === v.id ? ' selected' : ''}`}
        style={{ left: `${span.left}%`, width: `${span.width}%`, top: `${4 + lane * 26}px`, ['--travel' as string]: `${travelShare}%` }}
        data-testid="visit-block"
        data-visit-id={v.id}
        data-status={v.status}
        data-conflict={disputed ? 'open' : undefined}
        aria-label={label}
        title={label}
        onClick={() => set({ selectedVisitId: v.id })}
      >
        <span className="ellipsis">{disputed && <span aria-hidden="true">⚠ </span>}<b>{timeFmt.format(v.window.start)}</b> {title}</span>
      </button>
    );
  };

  return (
    <div className={`board board-${view}`} role="table" aria-label={t('dispatch.board')}>
      <div className="board-row board-head" role="row">
        <div className="board-engineer" role="columnheader">{t('dispatch.engineer')}</div>
        <div className="board-cells" style={{ gridTemplateColumns: `repeat(${columns.length}, 1fr)` }}>
          {columns.map((c) => (
            <div key={c.start} role="columnheader" className="board-colhead">{head.format(c.start)}</div>
          ))}
        </div>
      </div>
      {engineers.length === 0 && <p className="muted empty">{t('dispatch.noEngineers')}</p>}
      {engineers.map((engineer) => {
        const calendar = config.calendars[engineer.calendarId];
        const mine = data.visits.filter((v) => v.engineerId === engineer.id && isOnBoard(v));
        const lanes = assignLanes(mine.map((v) => blockSpan(view, (v.window?.start ?? 0) - v.travelBufferMinutes * MINUTE, v.window?.end ?? 0, columns) ?? { from: 0, to: 0 }));
        const height = Math.max(1, ...lanes.map((l) => l + 1)) * 26 + 10;
        return (
          <div key={engineer.id} className="board-row" role="row" data-engineer-id={engineer.id}>
            <div className="board-engineer" role="rowheader">
              <strong>{engineer.name}</strong>
              <span className="muted">{engineer.region} · {calendar?.timeZone ?? engineer.calendarId}</span>
              <button type="button" className="link" onClick={() => exportEngineerFeed(host, engineer, data.visits, ics, t('dispatch.feedName', { name: engineer.name })).catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))}>
                {t('dispatch.exportFeed')}
              </button>
            </div>
            <div className="board-cells" style={{ gridTemplateColumns: `repeat(${columns.length}, 1fr)`, minHeight: `${height}px` }}>
              {columns.map((c) => {
                const share = calendar ? openShare(calendar, c.start, c.end) : 0;
                const background = calendar && view === 'week' ? openHoursGradient(openHours(calendar, c), SHADE) : share > 0 ? `color-mix(in srgb, ${SHADE} ${Math.round(share * 22)}%, transparent)` : undefined;
                return (
                  <div
                    key={c.start}
                    role="cell"
                    className={`board-cell${share > 0 ? ' open' : ' closed'}`}
                    data-testid="board-cell"
                    data-start={c.start}
                    aria-label={t('dispatch.cellLabel', { engineer: engineer.name, at: cellFmt.format(c.start), open: Math.round(share * 100) })}
                    style={background ? { background } : undefined}
                    onDragOver={(e) => {
                      e.preventDefault();
                      e.dataTransfer.dropEffect = 'move';
                    }}
                    onDrop={(e) => drop(e, engineer, c, calendar)}
                  />
                );
              })}
              {mine.map((v, i) => block(v, lanes[i] ?? 0))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
