import { z } from 'zod';

/** `POST /auth/events-ticket`: a one-minute ticket that opens the poke stream (`GET /events?ticket=`). */
export const eventsTicketResponseSchema = z.object({ ticket: z.string().min(1), expiresAt: z.number().int() });
export type EventsTicketResponse = z.infer<typeof eventsTicketResponseSchema>;
