export { DefectReferencePanel } from './DefectReferencePanel';
