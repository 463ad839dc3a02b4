export { AttachmentError } from './errors';
export { createAttachmentStore, DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits, type AttachmentStore } from './store';
