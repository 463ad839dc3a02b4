import type { Customer, Engineer } from '../directory';
import type { Policy } from '../policy/schema';
import { initialPriority } from '../policy/priority';
import { changeSeverity, type SeverityChange } from '../severity/change';
import type { CommandCtx, CommandResult } from '../ticket/command';
import { addNote, assignOwner, recordCustomerUpdate } from '../ticket/commands';
import { transition } from '../ticket/status';
import type { Impact, Ticket, TicketStatus, Urgency } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { pick } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const internalNotes = [
  'Reproduced in the lab with the customer configuration.',
  'Checked the logs: errors start right after the nightly job.',
  'Asked second line to review the core dump.',
  'Known issue, fix planned in the next maintenance release.',
  'Workaround applied remotely; monitoring for 24 hours.',
  'Vendor case opened, waiting for their analysis.',
];
const externalNotes = [
  'Could you send us the logs from the last 24 hours?',
  'We applied a workaround; please confirm the service is back.',
  'The patch is available on the portal; please schedule a window to install it.',
  'Please confirm the serial number and the installed version.',
  'We are still analysing the logs and will update you within four hours.',
];
const severityReasons = ['More users affected than first reported', 'Workaround in place, impact reduced', 'Production stopped at the second site', 'Customer confirmed only a test system is affected'];
const updateTexts = ['First acknowledgement sent', 'Status update sent', 'Final confirmation request sent'];

export type DemoHistoryInput = {
  id: string;
  customer: Customer;
  policy: Policy;
  productLine: string;
  product: string;
  title: string;
  channel: Ticket['channel'];
  impact: Impact;
  urgency: Urgency;
  /** Engineers who may own the ticket (agents and field engineers), ideally from the customer's region first. */
  owners: readonly Engineer[];
  now: number;
};

/** A ticket and its timeline as the lifecycle left them at `now`. */
export type DemoHistory = { ticket: Ticket; events: TimelineEvent[] };

/**
 * Plays one ticket's life from creation up to `now`: acknowledged by an owner, worked, waiting for
 * the customer (pauses), notes, customer updates, sometimes a severity change or E-Down, resolved,
 * confirmed and closed. Steps that would happen after `now` have not happened yet, so recent
 * tickets are still open and old ones closed, as in a real desk. Status changes go through the
 * same domain commands the app and the server run (status, owner, notes, customer updates,
 * severity), so the SLA facts match the timeline and the rules cannot drift apart.
 */
export function demoHistory(rnd: () => number, input: DemoHistoryInput): DemoHistory {
  const { id, customer, policy, now } = input;
  // A year of history, with the last few days denser: that is where the open tickets are.
  const age = rnd() < 0.15 ? Math.floor(rnd() * 5 * DAY) : 5 * DAY + Math.floor(rnd() * 360 * DAY);
  const createdAt = Math.floor((now - age) / MINUTE) * MINUTE;
  const severity = pick(rnd, policy.severityLevels.filter((l) => !l.aboveTop)).id;
  // Most tickets are taken by an engineer of the customer's region.
  const regional = input.owners.filter((e) => e.region === customer.region);
  const ownerId = (regional.length > 0 && rnd() < 0.75 ? pick(rnd, regional) : pick(rnd, input.owners)).id;
  const createdBy = ownerId;
  let ticket: Ticket = {
    id,
    title: input.title,
    description: 'Reported by the customer; see the timeline for details.',
    channel: input.channel,
    customerId: customer.id,
    contactName: 'Pat Example',
    contactEmail: `it-desk@${customer.id.replace('cust-', '')}.example.org`,
    contactPhone: '+1 555 0100',
    productLine: input.productLine,
    product: input.product,
    productVersion: `${1 + Math.floor(rnd() * 9)}.${Math.floor(rnd() * 10)}`,
    region: customer.region,
    policyId: customer.policyId,
    severity,
    impact: input.impact,
    urgency: input.urgency,
    priority: initialPriority(policy, input.impact, input.urgency, customer.contractTier),
    status: 'received',
    escalationLevel: 0,
    onSite: false,
    intake: { serviceId: `SVC-${1000 + Math.floor(rnd() * 9000)}` },
    sla: { severityHistory: [{ at: createdAt, severity }], pauses: [], customerUpdates: [] },
    createdAt,
    updatedAt: createdAt,
    createdBy,
  };
  const events: TimelineEvent[] = [{ id: `${id}-e1`, ticketId: id, at: createdAt, by: createdBy, kind: 'created' }];
  let t = createdAt;
  let seq = 0;
  /** Moves the clock on by a random span; false when that lies in the future (the story stops here). */
  const step = (min: number, max: number): boolean => {
    t += Math.floor((min + rnd() * (max - min)) / MINUTE) * MINUTE + MINUTE;
    return t <= now;
  };
  const move = (to: TicketStatus, by: string) => {
    const r = transition(ticket, to, t, by);
    ticket = r.ticket;
    events.push(r.event);
  };
  const ctx = (by: string, tag: string): CommandCtx => ({ now: t, by, eventId: `${id}-${tag}${++seq}` });
  const record = (r: { ticket?: Ticket; event?: TimelineEvent }) => {
    if (r.ticket) ticket = r.ticket;
    if (r.event) events.push(r.event);
  };
  const note = (by: string) => {
    const external = rnd() < 0.4;
    record(must(addNote(ticket, { visibility: external ? 'external' : 'internal', text: pick(rnd, external ? externalNotes : internalNotes) }, ctx(by, 'n'))));
    ticket = { ...ticket, updatedAt: Math.max(ticket.updatedAt, t) };
  };
  const customerUpdate = (by: string, text: string) => record(must(recordCustomerUpdate(ticket, { text }, ctx(by, 'u'))));

  // Unowned until someone takes it: a share of the newest tickets waits in Unassigned.
  if (!step(5 * MINUTE, 4 * HOUR)) return { ticket, events };
  record(must(assignOwner(ticket, ownerId, ctx(ownerId, 'a'))));
  move('acknowledged', ownerId);
  if (rnd() < 0.5) customerUpdate(ownerId, pick(rnd, updateTexts.slice(0, 1)));
  if (!step(2 * MINUTE, 2 * HOUR)) return { ticket, events };
  move('in_progress', ownerId);
  if (!step(10 * MINUTE, DAY)) return { ticket, events };
  note(ownerId);
  if (rnd() < 0.12) {
    const change = severityStep(rnd, ticket, policy, t);
    if (change) record(must(changeSeverity(ticket, change, { policy, tier: customer.contractTier }, ctx(ownerId, 's'))));
    if (!step(10 * MINUTE, 6 * HOUR)) return { ticket, events };
  }
  for (let round = 0; round < 2 && rnd() < (round === 0 ? 0.35 : 0.2); round++) {
    if (!step(10 * MINUTE, DAY)) return { ticket, events };
    move('waiting_customer', ownerId);
    // Some customers never answer: the ticket stays paused in Waiting for customer.
    if (rnd() < 0.03 || !step(HOUR, 3 * DAY)) return { ticket, events };
    move('in_progress', ownerId);
    if (rnd() < 0.5) note(ownerId);
  }
  if (rnd() < 0.4) {
    if (!step(HOUR, 2 * DAY)) return { ticket, events };
    note(ownerId);
  }
  if (!step(HOUR, 4 * DAY)) return { ticket, events };
  move('resolved', ownerId);
  if (rnd() < 0.6) customerUpdate(ownerId, pick(rnd, updateTexts.slice(2)));
  if (!step(HOUR, 3 * DAY)) return { ticket, events };
  move('confirmed', ownerId);
  if (!step(0, 2 * DAY)) return { ticket, events };
  move('closed', ownerId);
  return { ticket, events };
}

/** The demo's refusals are bugs in the generator, not user input: fail loudly. */
function must<T>(r: CommandResult<T>): T {
  if (!r.ok) throw new Error(`demo history: ${r.refusal.message}`);
  return r;
}

/** One level up or down the policy's scale, or E-Down (with its questionnaire) where the policy has it; the severity command decides the rest (priority). */
function severityStep(rnd: () => number, ticket: Ticket, policy: Policy, at: number): SeverityChange | undefined {
  const levels = policy.severityLevels.filter((l) => !l.aboveTop).map((l) => l.id);
  const i = levels.indexOf(ticket.severity);
  const eDown = policy.eDown?.enabled ? policy.eDown : undefined;
  let severity = levels[i + (rnd() < 0.5 ? -1 : 1)] ?? levels[i - 1] ?? ticket.severity;
  let answers: Ticket['eDown'];
  if (eDown && rnd() < 0.3) {
    severity = eDown.levelId;
    answers = { reason: pick(rnd, eDown.qualifyingReasons), usersTotal: 500, usersAffected: 450, actionsTaken: 'Restarted the service; failover did not take over.', downSince: at - 30 * MINUTE, technicalContact: 'Pat Example, +1 555 0100' };
  }
  if (severity === ticket.severity) return undefined;
  const impact: Impact = severity === levels[0] || answers ? 'service_affecting' : ticket.impact;
  return { severity, impact, urgency: ticket.urgency, reason: pick(rnd, severityReasons), ...(answers ? { eDown: answers } : {}) };
}
