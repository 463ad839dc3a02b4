// Creating visits: a fault visit for a ticket (online window expired or requested by hand) and
// visits without a fault (installation, training).
import type { Customer } from '../directory/schema';
import type { Instant, Ticket } from '../ticket/schema';
import { visitSchema } from './visit-schema';
import type { Visit, VisitInput } from './visit-schema';

/** Parses a visit from any input; throws a RangeError naming the first bad field. */
export function createVisit(input: VisitInput): Visit {
  const parsed = visitSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new RangeError(`Invalid visit${first && first.path.length > 0 ? ` (${first.path.join('.')})` : ''}: ${first?.message ?? 'unknown problem'}`);
}

export type FaultVisitOptions = {
  id: string;
  reason: 'online_window_expired' | 'requested_by_hand';
  now: Instant;
  by: string;
  /** From the ticket's on-site arrival clock (computeClocks) or `arrivalDeadline(...)`. */
  arrivalDeadline?: Instant;
  travelBufferMinutes?: number;
};

/** The one automatic fault visit of a ticket: the same id on every device, so it is created once. */
export function faultVisitId(ticketId: string): string {
  return `visit-${ticketId}-onsite`;
}

/** An unscheduled fault visit for a ticket at the customer's site. */
export function createFaultVisit(ticket: Pick<Ticket, 'id' | 'customerId' | 'productLine' | 'region'>, customer: Pick<Customer, 'id' | 'site'>, o: FaultVisitOptions): Visit {
  if (ticket.customerId !== customer.id) throw new RangeError(`ticket ${ticket.id} belongs to customer ${ticket.customerId}, not ${customer.id}`);
  return createVisit({
    id: o.id,
    ticketId: ticket.id,
    customerId: customer.id,
    kind: 'fault',
    reason: o.reason,
    productLine: ticket.productLine,
    region: ticket.region,
    site: customer.site,
    status: 'unscheduled',
    ...(o.arrivalDeadline !== undefined ? { arrivalDeadline: o.arrivalDeadline } : {}),
    ...(o.travelBufferMinutes !== undefined ? { travelBufferMinutes: o.travelBufferMinutes } : {}),
    createdAt: o.now,
    createdBy: o.by,
    updatedAt: o.now,
    updatedBy: o.by,
  });
}

/** The ticket's SLA facts after a visit arrival: the earliest arrival counts, later visits do not move it. */
export function withArrival<T extends { arrivedAt?: Instant | undefined }>(sla: T, arrivedAt: Instant): T {
  return sla.arrivedAt !== undefined && sla.arrivedAt <= arrivedAt ? sla : { ...sla, arrivedAt };
}

export type ServiceVisitKind = 'installation' | 'training';

export type ServiceVisitOptions = {
  id: string;
  kind: ServiceVisitKind;
  customerId: string;
  site: { address: string; timeZone: string };
  region?: string;
  productLine?: string;
  /** The contract the service is delivered under (installation and training are bought with it). */
  contractId?: string;
  /** The ticket it was requested from, so the request shows in that ticket's history. */
  ticketId?: string;
  now: Instant;
  by: string;
};

/**
 * An unscheduled installation or training visit. It has no arrival deadline: no fault is waiting,
 * the customer and the dispatcher agree a date; it is booked and reported like any other visit.
 */
export function createServiceVisit(o: ServiceVisitOptions): Visit {
  return createVisit({
    id: o.id,
    customerId: o.customerId,
    kind: o.kind,
    reason: o.kind,
    site: o.site,
    status: 'unscheduled',
    ...(o.ticketId !== undefined ? { ticketId: o.ticketId } : {}),
    ...(o.contractId !== undefined ? { contractId: o.contractId } : {}),
    ...(o.region !== undefined ? { region: o.region } : {}),
    ...(o.productLine !== undefined ? { productLine: o.productLine } : {}),
    createdAt: o.now,
    createdBy: o.by,
    updatedAt: o.now,
    updatedBy: o.by,
  });
}
