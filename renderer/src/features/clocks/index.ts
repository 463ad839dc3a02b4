export { ClockChip } from './ClockChip';
export { useTicketClocks, useTicketClocksState } from './use-clocks';
export { formatMinutes, clockUrgency } from './format';
export { clocksInstant } from './clocks-instant';
