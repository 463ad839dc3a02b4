export { DeferralPanel } from './DeferralPanel';
