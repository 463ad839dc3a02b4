export { TicketPage } from './TicketPage';
