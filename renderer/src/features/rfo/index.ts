export { RfoPanel } from './RfoPanel';
