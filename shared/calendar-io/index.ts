export { parseIcsHolidays, applyHolidays, sortOverrides, type IcsHoliday, type IcsHolidayResult, type IcsSkippedEvent, type HolidayApplyResult, type YearRange } from './ics-holidays';
export { planCopyToNextYear, applyCopyPlan, type CopyPlanItem, type CopyReviewReason } from './copy-next-year';
export { deadlineMoves, configDeadlineMoves, policiesUsingCalendar, type DeadlineMove, type DeadlineMovesResult } from './deadline-moves';
export { isoDateOf, isoDateOfDay, weekdayOf, yearOf, sameDateNextYear, sameDatePreviousYear } from './dates';
