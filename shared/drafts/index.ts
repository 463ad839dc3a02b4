export { draftKinds, draftSchema, draftValuesSchema, draftKey, isBlankDraft, restoreDraftValues, composerAfterFailedSave, type Draft, type DraftKind, type DraftValues } from './draft';
