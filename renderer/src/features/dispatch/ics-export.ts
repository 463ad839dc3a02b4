import type { Visit } from '../../../../shared/dispatch';
import type { Customer, Engineer } from '../../../../shared/directory';
import { renderEngineerFeed, renderVisitIcs, type VisitIcsTexts } from '../../../../shared/ics';
import type { Ticket } from '../../../../shared/ticket';
import type { Host } from '../../host/host';

export const icsProdId = '-//Example//Service Desk//EN';
/** Used when the signed-in user has no directory entry (the local single-user store). */
export const fallbackOrganizer = 'dispatch@example.com';

export type IcsSources = {
  customers: ReadonlyMap<string, Customer>;
  tickets: ReadonlyMap<string, Ticket>;
  engineers: readonly Engineer[];
  organizerEmail: string;
};

function textsFor(visit: Visit, s: IcsSources): VisitIcsTexts {
  const ticket = visit.ticketId !== undefined ? s.tickets.get(visit.ticketId) : undefined;
  const contact = ticket ? [ticket.contactName, ticket.contactPhone, ticket.contactEmail].filter((x) => x.trim() !== '').join(', ') : '';
  return {
    customerName: s.customers.get(visit.customerId)?.name ?? visit.customerId,
    ...(ticket ? { ticketTitle: ticket.title } : {}),
    ...(contact !== '' ? { notes: contact } : {}),
  };
}

/** File names the host accepts: letters, digits, dot, dash, underscore and space only. */
export function safeFileName(base: string): string {
  return `${base.replace(/[^\w.\- ]+/g, '-').slice(0, 110)}.ics`;
}

/** One visit as an .ics file handed to the host (downloaded on the web, opened by the OS calendar in Electron). */
export async function exportVisitIcs(host: Pick<Host, 'invoke'>, visit: Visit, s: IcsSources): Promise<void> {
  const engineer = s.engineers.find((e) => e.id === visit.engineerId);
  const ics = renderVisitIcs(visit, {
    ...textsFor(visit, s),
    organizerEmail: s.organizerEmail,
    prodId: icsProdId,
    ...(engineer ? { engineerEmail: engineer.email, engineerName: engineer.name } : {}),
  });
  await host.invoke('calendar.openIcs', { fileName: safeFileName(visit.id), ics });
}

/** The feed of every scheduled visit of one engineer as one .ics file. */
export async function exportEngineerFeed(host: Pick<Host, 'invoke'>, engineer: Engineer, visits: readonly Visit[], s: IcsSources, calendarName: string): Promise<void> {
  const mine = visits.filter((v) => v.engineerId === engineer.id);
  const ics = renderEngineerFeed(mine, {
    organizerEmail: s.organizerEmail,
    prodId: icsProdId,
    engineerEmail: engineer.email,
    engineerName: engineer.name,
    calendarName,
    textsFor: (v) => textsFor(v, s),
  });
  await host.invoke('calendar.openIcs', { fileName: safeFileName(`${engineer.id}-visits`), ics });
}
