// One download helper for the whole renderer lives with the host.
export { downloadBlob } from '../../host';
