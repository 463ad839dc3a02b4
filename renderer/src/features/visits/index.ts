export { MyVisits } from './MyVisits';
export { groupMyVisits, type MyVisitGroups } from './my-visits';
export { isFollowedOnVisit, isSent, undoFieldStep } from './field-undo';
