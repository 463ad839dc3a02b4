import type { Customer, Engineer } from '../directory';
import type { Policy } from '../policy/schema';
import { initialPriority } from '../policy/priority';
import { deliverRfo, requestRfo } from '../rfo/commands';
import { deferTicket } from '../deferral/defer';
import { setDefectReference } from '../defect/reference';
import { changeSeverity } from '../severity/change';
import { recordInternalStep } from '../internal-clocks/commands';
import { elapsedMeter } from '../sla/clocks-meter';
import { recordEscalation } from '../escalation/record';
import { escalationLevelAt, localizedLabel } from '../escalation/levels';
import { escalationMatrixForTicket } from '../contract/escalation-matrix';
import { resolveEscalationRecipients } from '../escalation/recipients';
import type { CommandResult } from '../ticket/command';
import type { Impact, Ticket, TicketStatus, Urgency } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { demoCustomers } from './catalogue';
import { demoContracts } from './contracts';
import type { DemoTicket } from './demo-ticket';
import { settleDemoTicket, type DemoRules } from './settle';

// A handful of hand-written tickets beside the random first-run set, each showing one obligation
// as it looks on a working day: a first response due within the hour, a clock paused while the
// customer answers, targets met, an RFO requested and one delivered, a deferral by agreement and
// escalations that name the SPR raised. Every one is anchored to the generation time and built
// through the same commands a user's action runs, so it is what the app would have recorded.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type Spec = {
  customerId: string;
  title: string;
  severity: string;
  impact: Impact;
  urgency: Urgency;
  status: TicketStatus;
  ownerId: string;
  /** Minutes before now. */
  ageMin: number;
  respondedAfterMin?: number;
  resolvedAfterMin?: number;
  waitingSinceMin?: number;
  productLine: string;
  product: string;
};

type Step = (t: Ticket, eventId: string) => CommandResult<{ ticket: Ticket; event?: TimelineEvent }>;

function base(id: string, s: Spec, policy: Policy, customer: Customer, now: number): DemoTicket {
  const createdAt = now - s.ageMin * MIN;
  const respondedAt = s.respondedAfterMin === undefined ? undefined : createdAt + s.respondedAfterMin * MIN;
  const resolvedAt = s.resolvedAfterMin === undefined ? undefined : createdAt + s.resolvedAfterMin * MIN;
  const contract = demoContracts.find((c) => c.customerId === customer.id);
  const ticket: Ticket = {
    id,
    title: s.title,
    description: 'Reported by the customer; see the timeline for details.',
    channel: 'phone',
    customerId: customer.id,
    contactName: 'Pat Example',
    contactEmail: `it-desk@${customer.id.replace('cust-', '')}.example.org`,
    contactPhone: '+1 555 0100',
    productLine: s.productLine,
    product: s.product,
    productVersion: '7.2',
    region: customer.region,
    ...(contract ? { contractId: contract.id } : {}),
    policyId: policy.id,
    severity: s.severity,
    impact: s.impact,
    urgency: s.urgency,
    priority: initialPriority(policy, s.impact, s.urgency, customer.contractTier),
    status: s.status,
    ownerId: s.ownerId,
    escalationLevel: 0,
    onSite: false,
    intake: {},
    sla: {
      severityHistory: [{ at: createdAt, severity: s.severity }],
      pauses: s.waitingSinceMin === undefined ? [] : [{ from: now - s.waitingSinceMin * MIN }],
      ...(respondedAt === undefined ? {} : { respondedAt }),
      // Updated every half hour while the fault was worked, as the update cadence asks.
      customerUpdates: respondedAt === undefined ? [] : Array.from({ length: 1 + Math.floor(((resolvedAt ?? respondedAt) - respondedAt) / (30 * MIN)) }, (_, i) => respondedAt + i * 30 * MIN),
      ...(resolvedAt === undefined ? {} : { resolvedAt }),
    },
    createdAt,
    updatedAt: Math.max(createdAt, resolvedAt ?? respondedAt ?? createdAt),
    createdBy: s.ownerId,
  };
  return { ticket, events: [{ id: `${id}-e1`, ticketId: id, at: createdAt, by: s.ownerId, kind: 'created' }] };
}

/** Runs a command at `at` as `by`; a refusal means the scenario no longer fits the rules, which the demo tests catch. */
function apply(demo: DemoTicket, at: number, by: string, step: (t: Ticket, ctx: { now: number; by: string; eventId: string }) => ReturnType<Step>): DemoTicket {
  const eventId = `${demo.ticket.id}-s${demo.events.length}`;
  const r = step(demo.ticket, { now: at, by, eventId });
  if (!r.ok) throw new Error(`demo scenario ${demo.ticket.id}: ${r.refusal.message}`);
  return { ticket: r.ticket, events: r.event ? [...demo.events, r.event] : demo.events };
}

/** 09:00 UTC the day after `at`: the next morning a deferral agrees on (within the seven days a deferral may last). */
function nextMorning(at: number): number {
  const d = new Date(at + DAY);
  d.setUTCHours(9, 0, 0, 0);
  return d.getTime() - at > 7 * DAY ? at + DAY : d.getTime();
}

/**
 * The scenario tickets, numbered from `firstNumber` with the demo prefix, settled like the random
 * ones (alerts and automatic escalations due by `now` recorded). Customers or policies missing
 * from the given maps skip their scenario.
 */
export function demoScenarioTickets(opts: { now: number; policies: ReadonlyMap<string, Policy>; firstNumber: number; idPrefix?: string; rules?: DemoRules; engineers: readonly Engineer[] }): DemoTicket[] {
  const { now, policies } = opts;
  const prefix = opts.idPrefix ?? 'SD-DEMO-';
  let n = opts.firstNumber;
  const out: DemoTicket[] = [];
  const make = (s: Spec, steps: (d: DemoTicket) => DemoTicket = (d) => d): void => {
    const customer = demoCustomers.find((c) => c.id === s.customerId);
    const policy = customer && policies.get(customer.policyId);
    if (!customer || !policy) return;
    const id = `${prefix}${String(n++).padStart(4, '0')}`;
    const demo = steps(base(id, s, policy, customer, now));
    out.push(opts.rules ? settleDemoTicket(demo, policy, opts.rules, opts.engineers, now, customer) : demo);
  };
  const network = { customerId: 'cust-balkan', productLine: 'edge-routers', product: 'Edge Router 9000' };
  const orbit = { customerId: 'cust-edown', productLine: 'content-platform', product: 'Content Server 12' };
  // Level names and recipients as the escalation dialog would have put them, from the matrix in force.
  const escalate = (level: number, ask: string) => (t: Ticket, ctx: { now: number; by: string; eventId: string }) => {
    const matrix = opts.rules && escalationMatrixForTicket(opts.rules.matrices, t, { policies, calendars: opts.rules.calendars, ...opts.rules.contracts });
    const levelName = matrix ? localizedLabel(escalationLevelAt(matrix, level).name, 'en') : `Level ${level}`;
    const r = matrix ? resolveEscalationRecipients(t, level, matrix, opts.engineers) : { to: [], cc: [] };
    return recordEscalation(t, { level, levelName, recipients: [...r.to, ...r.cc], ask, automatic: false }, ctx, policies.get(t.policyId));
  };

  // Its first response is due in about 20 minutes: the queue's "due soon".
  make({ ...network, title: 'Packet loss on the Varna uplink', severity: 'major', impact: 'service_affecting', urgency: 'high', status: 'received', ownerId: 'eng-ivan', ageMin: 40 });
  // Waiting for the customer's logs: the resolution clock is paused.
  make({ ...network, title: 'Intermittent BGP flaps at the Ruse POP', severity: 'minor', impact: 'degradation', urgency: 'medium', status: 'waiting_customer', ownerId: 'eng-ivan', ageMin: 5 * 60, respondedAfterMin: 20, waitingSinceMin: 90 });
  // Resolved in time; the customer then asked for the reason-for-outage report, now due.
  make({ ...network, title: 'Core switch reboot cut traffic in Sofia', severity: 'critical', impact: 'service_affecting', urgency: 'high', status: 'resolved', ownerId: 'eng-ivan', ageMin: 26 * 60, respondedAfterMin: 10, resolvedAfterMin: 150 }, (d) =>
    apply(d, now - 20 * HOUR, 'eng-ivan', (t, ctx) => requestRfo(t, {}, policies.get(t.policyId), ctx)),
  );
  // An RFO requested and delivered on time.
  make({ ...network, title: 'Fibre cut between Plovdiv and Stara Zagora', severity: 'major', impact: 'service_affecting', urgency: 'high', status: 'resolved', ownerId: 'eng-ivan', ageMin: 4 * 24 * 60, respondedAfterMin: 25, resolvedAfterMin: 300 }, (d) => {
    const asked = apply(d, now - 3 * DAY, 'eng-ivan', (t, ctx) => requestRfo(t, {}, policies.get(t.policyId), ctx));
    return apply(asked, now - DAY, 'eng-ivan', (t, ctx) => deliverRfo(t, { document: 'Root cause: a third-party excavator cut the fibre.\nCorrective: spliced and tested.\nPreventive: route marked with the utility register.', fileName: 'RFO-fibre-cut.pdf' }, ctx));
  });
  // A non-service-affecting fault raised in the evening, deferred by agreement to the next morning.
  make({ ...network, title: 'Spare port LED stays amber', severity: 'minor', impact: 'non_service_affecting', urgency: 'low', status: 'acknowledged', ownerId: 'eng-ivan', ageMin: 50, respondedAfterMin: 15 }, (d) =>
    apply(d, now - 20 * MIN, 'eng-ivan', (t, ctx) => deferTicket(t, { until: nextMorning(now), agreedWith: 'Pat Example', note: 'Customer prefers a visit during office hours.' }, ctx)),
  );
  // Worked for days within its online window and lowered to level 4 yesterday: re-graded to level 1,
  // its shorter window (counted from the report) has already run out, so the severity editor shows
  // the escalation saving would set off, and the runner then records it.
  make({ customerId: 'cust-jade', productLine: 'secure-gateway', product: 'Gateway 7', title: 'Gateway log rotation slowly fills the disk', severity: '3', impact: 'non_service_affecting', urgency: 'low', status: 'in_progress', ownerId: 'eng-kai', ageMin: 5 * 24 * 60, respondedAfterMin: 45 }, (d) =>
    apply(d, now - DAY, 'eng-kai', (t, ctx) => changeSeverity(t, { severity: '4', reason: 'The customer rotates the logs by hand meanwhile.' }, { policy: policies.get(t.policyId) }, ctx)),
  );
  // Escalated to M1 by hand; M2 will need the SPR raised with engineering.
  make({ ...orbit, title: 'Publishing queue stalls after upgrade', severity: '2', impact: 'degradation', urgency: 'high', status: 'in_progress', ownerId: 'eng-ivan', ageMin: 120, respondedAfterMin: 12 }, (d) =>
    apply(d, now - 30 * MIN, 'eng-ivan', escalate(1, 'Please free a second engineer for the upgrade regression.')),
  );
  // At M2 with the SPR named, as the policy requires.
  make({ ...orbit, title: 'Search index corrupts on nightly rebuild', severity: '1', impact: 'service_affecting', urgency: 'high', status: 'in_progress', ownerId: 'eng-ivan', ageMin: 200, respondedAfterMin: 20 }, (d) => {
    const m1 = apply(d, now - 150 * MIN, 'eng-ivan', escalate(1, 'Needs engineering attention today.'));
    const spr = apply(m1, now - 100 * MIN, 'eng-ivan', (t, ctx) => setDefectReference(t, 'SPR 2241398', ctx));
    return apply(spr, now - 60 * MIN, 'eng-ivan', escalate(2, 'Please push SPR 2241398 with engineering.'));
  });
  // The internal hand-off steps on a 7x24 contract (calendar always open, so wall-clock minutes are
  // the steps' minutes): a call just logged, the receptionist's 5 minutes running, and one already
  // with the engineer, the 30-minute no-progress escalation ahead.
  const mining = { customerId: 'cust-andes', productLine: 'data-vault', product: 'Vault DB 12' };
  const handOff = (step: string, to?: string) => (t: Ticket, ctx: { now: number; by: string; eventId: string }) =>
    recordInternalStep(t, { step, mark: 'done', ...(to ? { to } : {}) }, policies.get(t.policyId)?.internalProcess, elapsedMeter, ctx);
  make({ ...mining, title: 'Backup job fails on the ore-grade database', severity: '3', impact: 'degradation', urgency: 'medium', status: 'received', ownerId: 'eng-rosa', ageMin: 2 });
  make({ ...mining, title: 'Replication lag on the Santiago vault', severity: '2', impact: 'degradation', urgency: 'high', status: 'in_progress', ownerId: 'eng-rosa', ageMin: 14, respondedAfterMin: 8 }, (d) => {
    const told = apply(d, now - 12 * MIN, 'eng-rosa', handOff('reception_to_specialist', 'eng-sam'));
    return apply(told, now - 8 * MIN, 'eng-sam', handOff('specialist_to_manager', 'eng-rosa'));
  });
  return out;
}
