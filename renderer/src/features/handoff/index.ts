export { InternalStepsPanel } from './InternalStepsPanel';
export { internalEventText } from './handoff-text';
