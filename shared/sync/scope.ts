import type { UserRole } from '../directory/schema';

export type ScopeUser = { id: string; role: UserRole; region: string };

/**
 * Field engineers see and change only tickets in their region, assigned to them, or with a visit
 * assigned to them (`viaVisit`); everyone else sees the tenant.
 */
export function isTicketInScope(ticket: { region: string; ownerId?: string | undefined }, user: ScopeUser, viaVisit = false): boolean {
  if (user.role !== 'field_engineer') return true;
  return viaVisit || ticket.region === user.region || ticket.ownerId === user.id;
}

/** Field engineers see and change visits assigned to them or in their region. */
export function isVisitInScope(visit: { engineerId?: string | undefined; region?: string | undefined }, user: ScopeUser): boolean {
  if (user.role !== 'field_engineer') return true;
  return visit.engineerId === user.id || visit.region === user.region;
}
