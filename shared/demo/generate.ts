import type { Ticket, TicketStatus, Impact, Urgency, TimelineEvent } from '../ticket';
import type { Customer, Engineer } from '../directory';
import type { Policy } from '../policy/schema';
import { initialPriority } from '../policy/priority';
import { seededRandom, pick } from './random';
import { demoCustomers, demoEngineers, demoProductLines, demoProducts, demoTitles } from './catalogue';
import { demoHistory } from './history';
import { demoAssets, demoCatalogue, demoContracts } from './contracts';
import type { Asset } from '../contract/schema';
import { settleDemoTicket, type DemoRules } from './settle';
import type { DemoTicket } from './demo-ticket';
import type { Visit } from '../dispatch/visit-schema';
import { anchoredTicket, type TimelessTicket } from './anchored-ticket';

/**
 * Policies by id: severities and priorities come from the customer's policy, as in real data.
 * Without `histories` the small first-run set is made (its output never changes for a seed);
 * with it each ticket gets a year-spread lifecycle (see demoHistory).
 */
/** The id prefix of the generated demo tickets (the app's first-run data lives on the device only). */
export const DEMO_TICKET_PREFIX = 'SD-DEMO-';

/** True for a ticket id minted by the demo generator with the default prefix. */
export function isDemoTicketId(id: string): boolean {
  return id.startsWith(DEMO_TICKET_PREFIX);
}

export type DemoOptions = {
  tickets: number;
  seed?: number;
  now: number;
  policies: ReadonlyMap<string, Policy>;
  /** Ticket ids are `${idPrefix}${number}`; default 'SD-DEMO-'. */
  idPrefix?: string;
  /** The number of the first ticket (default 1), so a store can be topped up with more. */
  firstNumber?: number;
  /** Digits of the number (zero-padded); default at least 4, enough for the last number. */
  idWidth?: number;
  histories?: boolean;
  customers?: readonly Customer[];
  engineers?: readonly Engineer[];
  /**
   * The app's calendars and escalation matrices: with them each ticket also carries the SLA alerts
   * and automatic escalations the app would already have recorded by `now` (see settleDemoTicket),
   * so loading the set does not start a stream of catch-up records. Without them it has neither.
   */
  rules?: DemoRules;
};
export type DemoData = { tickets: Ticket[]; timeline: TimelineEvent[]; visits: Visit[] };

const statuses: TicketStatus[] = ['received', 'acknowledged', 'in_progress', 'in_progress', 'waiting_customer', 'resolved', 'closed'];
const impacts: Impact[] = ['service_affecting', 'degradation', 'non_service_affecting'];
const urgencies: Urgency[] = ['high', 'medium', 'low'];
const MINUTE = 60_000;

/** Generates a deterministic, realistic ticket load (ids SD-DEMO-0001...) for demos, tests and benches. */
export function generateDemoData(options: DemoOptions): DemoData {
  const tickets: Ticket[] = [];
  const timeline: TimelineEvent[] = [];
  const visits: Visit[] = [];
  for (const { ticket, events, visits: v } of demoTickets(options)) {
    tickets.push(ticket);
    for (const e of events) timeline.push(e);
    if (v) visits.push(...v);
  }
  return { tickets, timeline, visits };
}

/** The same tickets as generateDemoData, one at a time: a 100k load never has to sit in memory at once. */
export function* demoTickets(options: DemoOptions): Generator<DemoTicket> {
  const { tickets: count, seed = 42, now, policies, idPrefix = DEMO_TICKET_PREFIX, firstNumber = 1 } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`demo ticket count must be a whole number >= 0, got ${count}`);
  if (!Number.isInteger(firstNumber) || firstNumber < 1) throw new RangeError(`the first demo ticket number must be a whole number >= 1, got ${firstNumber}`);
  const width = options.idWidth ?? Math.max(4, String(firstNumber + count - 1).length);
  const rnd = seededRandom(seed);
  const customers = options.customers ?? demoCustomers;
  const agents = (options.engineers ?? demoEngineers).filter((e) => e.role === 'agent' || e.role === 'field_engineer');
  if (customers.length === 0 || agents.length === 0) throw new RangeError('demo data needs at least one customer and one agent or field engineer');
  const rules = options.rules;
  // The runner routes escalations through the whole directory the store holds, not only the owners.
  const directory = options.engineers ?? demoEngineers;
  const settle = (demo: DemoTicket, customer: Customer): DemoTicket => {
    const policy = rules && policies.get(demo.ticket.policyId);
    return rules && policy ? settleDemoTicket(demo, policy, rules, directory, now, customer) : demo;
  };
  for (let i = firstNumber; i < firstNumber + count; i++) {
    const id = `${idPrefix}${String(i).padStart(width, '0')}`;
    const customer = pick(rnd, customers);
    if (options.histories) {
      yield settle(historyTicket(rnd, id, customer, agents, now, policies), customer);
      continue;
    }
    // The ticket is about one of the customer's installed products, under the customer's contract.
    const asset = assetFor(rnd, customer.id);
    const fromCatalogue = asset ? demoCatalogue.find((p) => p.id === asset.productId) : undefined;
    const productLine = (fromCatalogue?.productLine as (typeof demoProductLines)[number] | undefined) ?? pick(rnd, demoProductLines);
    const policy = policies.get(customer.policyId);
    if (!policy) throw new RangeError(`demo customer ${customer.id} names unknown policy ${customer.policyId}`);
    // E-Down is never set at creation; demo tickets start on the normal scale.
    const severity = pick(rnd, policy.severityLevels.filter((l) => !l.aboveTop)).id;
    if (rules) {
      // With the app's rules each ticket is timed from `now` to show a realistic moment (anchor.ts).
      const product = fromCatalogue?.name ?? pick(rnd, demoProducts[productLine]);
      yield settle(anchoredDemoTicket(rnd, { id, customer, policy, severity, productLine, product, asset, agents, rules, policies, now }), customer);
      continue;
    }
    // Most tickets are recent so that queues have live clocks; a tail goes back 60 days.
    const ageMinutes = rnd() < 0.7 ? Math.floor(rnd() * 3 * 24 * 60) : Math.floor(rnd() * 60 * 24 * 60);
    const createdAt = now - ageMinutes * MINUTE;
    const status = pick(rnd, statuses);
    const owner = status === 'received' && rnd() < 0.6 ? undefined : pick(rnd, agents).id;
    const respondedAt = status === 'received' ? undefined : createdAt + Math.floor(rnd() * 180) * MINUTE;
    const resolved = status === 'resolved' || status === 'closed';
    const resolvedAt = resolved ? Math.min(now, createdAt + Math.floor(rnd() * ageMinutes) * MINUTE + MINUTE) : undefined;
    const waitingSince = status === 'waiting_customer' ? Math.max(createdAt, now - Math.floor(rnd() * 600) * MINUTE) : undefined;
    const impact = pick(rnd, impacts);
    const urgency = pick(rnd, urgencies);
    const ticket: Ticket = {
      id,
      title: pick(rnd, demoTitles),
      description: 'Reported by the customer; see the timeline for details.',
      channel: pick(rnd, ['phone', 'email', 'portal'] as const),
      customerId: customer.id,
      contactName: 'Pat Example',
      contactEmail: `it-desk@${customer.id.replace('cust-', '')}.example.org`,
      contactPhone: '+1 555 0100',
      productLine,
      product: fromCatalogue?.name ?? pick(rnd, demoProducts[productLine]),
      productVersion: asset?.version ?? `${1 + Math.floor(rnd() * 9)}.${Math.floor(rnd() * 10)}`,
      region: customer.region,
      ...contractRefs(customer.id, asset),
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
    };
    yield settle({ ticket, events: [{ id: `${id}-e1`, ticketId: id, at: createdAt, by: owner ?? 'eng-alex', kind: 'created' }] }, customer);
  }
}

type AnchorInput = {
  id: string;
  customer: Customer;
  policy: Policy;
  severity: string;
  productLine: string;
  product: string;
  asset: Asset | undefined;
  agents: readonly Engineer[];
  rules: DemoRules;
  policies: ReadonlyMap<string, Policy>;
  now: number;
};

/** A random first-run ticket placed in time by its own clocks (its contract, calendar and zone). */
function anchoredDemoTicket(rnd: () => number, a: AnchorInput): DemoTicket {
  const impact = pick(rnd, impacts);
  const urgency = pick(rnd, urgencies);
  const base: TimelessTicket = {
    id: a.id,
    title: pick(rnd, demoTitles),
    description: 'Reported by the customer; see the timeline for details.',
    channel: pick(rnd, ['phone', 'email', 'portal'] as const),
    customerId: a.customer.id,
    contactName: 'Pat Example',
    contactEmail: `it-desk@${a.customer.id.replace('cust-', '')}.example.org`,
    contactPhone: '+1 555 0100',
    productLine: a.productLine,
    product: a.product,
    productVersion: a.asset?.version ?? '1.0',
    region: a.customer.region,
    ...contractRefs(a.customer.id, a.asset),
    policyId: a.policy.id,
    severity: a.severity,
    impact,
    urgency,
    priority: initialPriority(a.policy, impact, urgency, a.customer.contractTier),
    escalationLevel: 0,
    onSite: false,
    intake: { serviceId: `SVC-${1000 + Math.floor(rnd() * 9000)}` },
  };
  const config = { policies: a.policies, calendars: a.rules.calendars, ...(a.rules.contracts ?? {}) };
  const { ticket } = anchoredTicket(rnd, base, pick(rnd, a.agents).id, config, a.now);
  return { ticket, events: [{ id: `${a.id}-e1`, ticketId: a.id, at: ticket.createdAt, by: ticket.ownerId ?? 'eng-alex', kind: 'created' }] };
}

function historyTicket(rnd: () => number, id: string, customer: Customer, owners: readonly Engineer[], now: number, policies: ReadonlyMap<string, Policy>): DemoTicket {
  const policy = policies.get(customer.policyId);
  if (!policy) throw new RangeError(`demo customer ${customer.id} names unknown policy ${customer.policyId}`);
  const productLine = pick(rnd, demoProductLines);
  return demoHistory(rnd, {
    id,
    customer,
    policy,
    productLine,
    product: pick(rnd, demoProducts[productLine]),
    title: pick(rnd, demoTitles),
    channel: pick(rnd, ['phone', 'email', 'portal'] as const),
    impact: pick(rnd, impacts),
    urgency: pick(rnd, urgencies),
    owners,
    now,
  });
}

function assetFor(rnd: () => number, customerId: string): Asset | undefined {
  const own = demoAssets.filter((a) => a.customerId === customerId);
  return own.length > 0 ? pick(rnd, own) : undefined;
}

/** The site, asset and contract a demo ticket names (none for customers outside the example set). */
function contractRefs(customerId: string, asset: Asset | undefined): Pick<Ticket, 'siteId' | 'assetId' | 'contractId'> {
  const contract = demoContracts.find((c) => c.customerId === customerId);
  return { ...(asset ? { siteId: asset.siteId, assetId: asset.id } : {}), ...(contract ? { contractId: contract.id } : {}) };
}
