export { ClockChip } from './ClockChip';
export { useTicketClocks } from './use-clocks';
export { formatMinutes, clockUrgency } from './format';
