export { TicketPage } from './TicketPage';
export { visitChangeText } from './recorded-text';
