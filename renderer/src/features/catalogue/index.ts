export { CatalogueSettings } from './CatalogueSettings';
