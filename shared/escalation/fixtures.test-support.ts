// Test support shared by the escalation tests (not imported by production code).
import type { Engineer } from '../directory/schema';
import type { Ticket } from '../ticket/schema';
import { ticketSchema } from '../ticket/schema';
import preset from '../../resources/presets/escalation/default-matrix.json';
import m1m2 from '../../resources/presets/escalation/support-managers-m1-m2.json';
import type { EscalationMatrix } from './schema';
import { escalationMatrixSchema } from './schema';

export const T0 = Date.UTC(2025, 2, 3, 1, 0, 0); // Mon 3 Mar 2025 09:00 in Shanghai

/** The shipped default matrix (the fallback for policies without their own), parsed. */
export function presetMatrix(): EscalationMatrix {
  return escalationMatrixSchema.parse(preset);
}

/** The shipped M1/M2 matrix of the E-Down policy, parsed. */
export function m1m2Matrix(): EscalationMatrix {
  return escalationMatrixSchema.parse(m1m2);
}

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return ticketSchema.parse({
    id: 'T-2025-0042',
    title: 'Gateway keeps restarting under load',
    description: 'Since 09:00 the gateway restarts every few minutes; users lose their sessions.',
    channel: 'phone',
    customerId: 'cust-jade',
    productLine: 'secure-gateway',
    product: 'Gateway 7',
    region: 'apac-cjks',
    policyId: 'onsite-four-level',
    severity: '1',
    impact: 'service_affecting',
    urgency: 'high',
    priority: 'P1',
    status: 'in_progress',
    ownerId: 'eng-li',
    sla: { severityHistory: [{ at: T0, severity: '1' }] },
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  });
}

const engineer = (id: string, name: string, managerId?: string): Engineer => ({
  id,
  name,
  email: `${id.replace('eng-', '')}@example.com`,
  role: 'agent',
  region: 'apac-cjks',
  skills: [],
  calendarId: 'china',
  ...(managerId ? { managerId } : {}),
});

/** Owner eng-li -> manager eng-zhou -> manager eng-hart; eng-solo has no manager. */
export const directory: Engineer[] = [engineer('eng-li', 'Li Na', 'eng-zhou'), engineer('eng-zhou', 'Zhou Wei', 'eng-hart'), engineer('eng-hart', 'Robin Hart'), engineer('eng-solo', 'Solo Tester')];
