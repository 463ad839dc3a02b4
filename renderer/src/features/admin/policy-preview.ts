import type { Policy } from '../../../../shared/policy';
import { computeClocks, type CalendarLookup, type Clock } from '../../../../shared/sla';
import { ticketSchema, type Ticket } from '../../../../shared/ticket';

export type PreviewInput = { severity: string; createdAt: number; channel: Ticket['channel'] };

/** A fresh ticket under the policy, as intake would create it at `createdAt`. */
export function sampleTicket(policy: Policy, input: PreviewInput): Ticket {
  const priority = policy.priorities[0]?.id ?? 'normal';
  return ticketSchema.parse({
    id: 'SD-PREVIEW-0001', title: 'Sample ticket', channel: input.channel, customerId: 'preview', productLine: 'preview', product: 'preview', region: 'preview',
    policyId: policy.id, severity: input.severity, impact: 'service_affecting', urgency: 'high', priority, status: 'received',
    sla: { severityHistory: [{ at: input.createdAt, severity: input.severity }] }, createdAt: input.createdAt, updatedAt: input.createdAt,
  });
}

export type PreviewResult = { ok: true; clocks: Clock[] } | { ok: false; message: string };

/** The clocks a new ticket would get right after creation (pending ones start on later events). */
export function previewDeadlines(policy: Policy, input: PreviewInput, calendars: CalendarLookup): PreviewResult {
  if (!policy.severityLevels.some((l) => l.id === input.severity)) return { ok: false, message: `no severity level "${input.severity}"` };
  try {
    return { ok: true, clocks: computeClocks(sampleTicket(policy, input), policy, input.createdAt, calendars) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
