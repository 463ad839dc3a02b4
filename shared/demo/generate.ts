import type { Ticket, TicketStatus, Impact, Urgency, TimelineEvent } from '../ticket';
import type { Policy } from '../policy/schema';
import { initialPriority } from '../policy/priority';
import { seededRandom, pick } from './random';
import { demoCustomers, demoEngineers, demoProductLines, demoProducts, demoTitles } from './catalogue';

/** Policies by id: severities and priorities come from the customer's policy, as in real data. */
export type DemoOptions = { tickets: number; seed?: number; now: number; policies: ReadonlyMap<string, Policy> };
export type DemoData = { tickets: Ticket[]; timeline: TimelineEvent[] };

const statuses: TicketStatus[] = ['received', 'acknowledged', 'in_progress', 'in_progress', 'waiting_customer', 'resolved', 'closed'];
const impacts: Impact[] = ['service_affecting', 'degradation', 'non_service_affecting'];
const urgencies: Urgency[] = ['high', 'medium', 'low'];
const MINUTE = 60_000;

/** Generates a deterministic, realistic ticket load (ids SD-DEMO-0001...) for demos, tests and benches. */
export function generateDemoData({ tickets: count, seed = 42, now, policies }: DemoOptions): DemoData {
  const rnd = seededRandom(seed);
  const agents = demoEngineers.filter((e) => e.role === 'agent' || e.role === 'field_engineer');
  const tickets: Ticket[] = [];
  const timeline: TimelineEvent[] = [];
  for (let i = 1; i <= count; i++) {
    const customer = pick(rnd, demoCustomers);
    const productLine = pick(rnd, demoProductLines);
    const policy = policies.get(customer.policyId);
    if (!policy) throw new RangeError(`demo customer ${customer.id} names unknown policy ${customer.policyId}`);
    // E-Down is never set at creation (seed 002); demo tickets start on the normal scale.
    const severity = pick(rnd, policy.severityLevels.filter((l) => !l.aboveTop)).id;
    // Most tickets are recent so that queues have live clocks; a tail goes back 60 days.
    const ageMinutes = rnd() < 0.7 ? Math.floor(rnd() * 3 * 24 * 60) : Math.floor(rnd() * 60 * 24 * 60);
    const createdAt = now - ageMinutes * MINUTE;
    const status = pick(rnd, statuses);
    const owner = status === 'received' && rnd() < 0.6 ? undefined : pick(rnd, agents).id;
    const id = `SD-DEMO-${String(i).padStart(4, '0')}`;
    const respondedAt = status === 'received' ? undefined : createdAt + Math.floor(rnd() * 180) * MINUTE;
    const resolved = status === 'resolved' || status === 'closed';
    const resolvedAt = resolved ? Math.min(now, createdAt + Math.floor(rnd() * ageMinutes) * MINUTE + MINUTE) : undefined;
    const waitingSince = status === 'waiting_customer' ? Math.max(createdAt, now - Math.floor(rnd() * 600) * MINUTE) : undefined;
    const impact = pick(rnd, impacts);
    const urgency = pick(rnd, urgencies);
    tickets.push({
      id,
      title: pick(rnd, demoTitles),
      description: 'Reported by the customer; see the timeline for details.',
      channel: pick(rnd, ['phone', 'email', 'portal'] as const),
      customerId: customer.id,
      contactName: 'Pat Example',
      contactEmail: `it-desk@${customer.id.replace('cust-', '')}.example.org`,
      contactPhone: '+1 555 0100',
      productLine,
      product: pick(rnd, demoProducts[productLine]),
      productVersion: `${1 + Math.floor(rnd() * 9)}.${Math.floor(rnd() * 10)}`,
      region: customer.region,
      policyId: customer.policyId,
      severity,
      impact,
      urgency,
      priority: initialPriority(policy, impact, urgency, customer.contractTier),
      status,
      ownerId: owner,
      escalationLevel: 0,
      onSite: false,
      intake: { serviceId: `SVC-${1000 + Math.floor(rnd() * 9000)}` },
      sla: {
        severityHistory: [{ at: createdAt, severity }],
        pauses: waitingSince === undefined ? [] : [{ from: waitingSince }],
        respondedAt,
        customerUpdates: respondedAt === undefined ? [] : [respondedAt],
        resolvedAt,
      },
      createdAt,
      updatedAt: Math.max(createdAt, resolvedAt ?? respondedAt ?? createdAt),
      createdBy: owner ?? 'eng-alex',
    });
    timeline.push({ id: `${id}-e1`, ticketId: id, at: createdAt, by: owner ?? 'eng-alex', kind: 'created' });
  }
  return { tickets, timeline };
}
