export { MyVisits } from './MyVisits';
export { groupMyVisits, type MyVisitGroups } from './my-visits';
export { isSent, undoFieldStep } from './field-undo';
