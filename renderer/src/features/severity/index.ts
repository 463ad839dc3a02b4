export { SeverityEditor } from './SeverityEditor';
