import type { Visit } from '../dispatch/visit-schema';
import type { Ticket, TimelineEvent } from '../ticket';

/** One generated ticket with its timeline events (and, settled, the fault visit the app would have queued). */
export type DemoTicket = { ticket: Ticket; events: TimelineEvent[]; visits?: Visit[] };
