export { AttachmentError } from './errors';
export { createAttachmentStore, DEFAULT_ATTACHMENT_LIMITS, releaseUnreferencedBlobs, type AttachmentLimits, type AttachmentStore } from './store';
export { ATTACHMENT_PATH_PREFIX, mountAttachmentRoutes } from './routes';
export { databasePieces, folderPieces, type PieceStore } from './pieces';
