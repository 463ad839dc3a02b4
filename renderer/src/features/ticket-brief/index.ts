export { TicketBrief } from './TicketBrief';
