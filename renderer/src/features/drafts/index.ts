export { useDraftAutosave, DRAFT_IDLE_MS, DRAFT_MAX_WAIT_MS, type DraftAutosave, type DraftSource } from './use-draft-autosave';
export { useStoredDraft, type StoredDraft } from './use-stored-draft';
export { useDraftComposer, type ComposerSave } from './use-draft-composer';
export { DraftRestoredNotice } from './DraftRestoredNotice';
