export { EscalateDialog, type EscalateDialogProps } from './EscalateDialog';
export { EscalateSelectedButton } from './EscalateSelectedButton';
export { EscalationNotices } from './EscalationNotices';
export { EscalationMatrixSettings } from './EscalationMatrixSettings';
export { autoEscalationService } from './auto-escalation-service';
export { useEscalationMatrices, useEscalationMatrixOverlay } from './use-escalation-matrices';
export { loadEscalationMatrices, presetEscalationMatrices } from './matrices';
export { planAutoEscalations, type AutoEscalationPlan } from './auto-plan';
export { runAutoEscalation, type RecordedAutoEscalation } from './auto-run';
