export { DispatchBoard } from './DispatchBoard';
export { RequestOnSiteButton } from './RequestOnSiteButton';
export { PartsPanel } from './PartsPanel';
export { useVisitMutation } from './use-visit-mutation';
export { parseVisitRows } from './visit-rows';
export { exportVisitIcs, exportEngineerFeed, fallbackOrganizer, type IcsSources } from './ics-export';
export { onSiteClock } from './deadlines';
export { autoFaultVisitsService } from './auto-fault-visits-service';
export { createDueFaultVisits, findDueFaultVisits, type AutoVisitsResult } from './auto-fault-visits';
