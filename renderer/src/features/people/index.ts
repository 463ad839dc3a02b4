export { PeopleSettings } from './PeopleSettings';
