export { InternalStepsPanel } from './InternalStepsPanel';
export { internalEventText } from './handoff-text';
export { stepText } from './handoff-text';
export { internalStepsService } from './internal-steps-service';
export { TurnNotices } from './TurnNotices';
