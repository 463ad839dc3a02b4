import type { UserRole } from '../directory/schema';

export type ScopeUser = { id: string; role: UserRole; region: string };

/** Field engineers see and change only tickets in their region or assigned to them; everyone else sees the tenant. */
export function isTicketInScope(ticket: { region: string; ownerId?: string | undefined }, user: ScopeUser): boolean {
  if (user.role !== 'field_engineer') return true;
  return ticket.region === user.region || ticket.ownerId === user.id;
}
