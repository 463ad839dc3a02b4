export { InternalStepsPanel } from './InternalStepsPanel';
export { internalEventText } from './handoff-text';
export { stepText } from './handoff-text';
