export { DemoDataSettings } from './DemoDataSettings';
export { generateIntoStore, removeGenerated, countGenerated, GENERATED_PREFIX } from './demo-store';
