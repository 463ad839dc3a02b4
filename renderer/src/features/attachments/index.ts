export { AttachmentList } from './AttachmentList';
export { AttachmentSettings } from './AttachmentSettings';
