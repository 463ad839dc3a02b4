import type { Engineer } from '../directory/schema';
import type { MailDraft } from '../mail/draft';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { defaultEscalationTemplates } from './default-templates';
import { breachesSummary, clocksSummary, eDownSummary, instantFormatter, timelineSummary } from './draft-sections';
import { escalationLevelAt, localizedLabel, routingKeyLabel } from './levels';
import { pickEscalationLocale } from './locale';
import type { EscalationLocale } from './locale';
import { EscalationRoutingError, resolveEscalationRecipients } from './recipients';
import type { ClockStateLike, EscalationMatrix } from './schema';
import type { EscalationTemplate, TemplatePlaceholder } from './template-schema';
import { renderTemplate } from './template-schema';
import { draftVocabulary } from './vocabulary';

/** What a draft needs besides the ticket and matrix; all of it comes from the store, none is looked up here. */
export type EscalationDraftContext = {
  customerName: string;
  timeline: readonly TimelineEvent[];
  clocks: readonly ClockStateLike[];
  /** IANA zone for every instant in the body (the reader's, usually the engineer's own). */
  timeZone: string;
  engineers: readonly Engineer[];
  /** What was tried so far; empty shows "none". */
  tried?: string;
  /** The explicit ask; empty uses the locale's default ask. */
  ask?: string;
  /** Shown instead of the severity id (the policy's level label). */
  severityLabel?: string;
  /** Becomes the draft's Date. */
  now?: number;
};

/** The template the policy's matrix sets for this locale, else the shipped default. */
export function escalationTemplateFor(matrix: EscalationMatrix, locale: EscalationLocale): EscalationTemplate {
  return matrix.templates[locale] ?? defaultEscalationTemplates[locale];
}

/**
 * The ready-to-send escalation mail for `level` (1-based): recipients from the matrix, subject with
 * ticket id, severity and customer, body with impact, E-Down answers, clocks, breaches, what was
 * tried, timeline and the ask. Throws EscalationRoutingError when the matrix cannot route the level.
 */
export function buildEscalationDraft(ticket: Ticket, level: number, matrix: EscalationMatrix, locale: string, context: EscalationDraftContext): MailDraft {
  const def = escalationLevelAt(matrix, level);
  const recipients = resolveEscalationRecipients(ticket, level, matrix, context.engineers);
  if (recipients.missing) throw new EscalationRoutingError(level, recipients.missing);
  if (recipients.to.length === 0) throw new EscalationRoutingError(level, { reason: 'customer_step', message: `level ${level} reaches nobody` });

  const loc = pickEscalationLocale(locale);
  const v = draftVocabulary[loc];
  const fmt = instantFormatter(loc, context.timeZone);
  const owner = ticket.ownerId ? (context.engineers.find((e) => e.id === ticket.ownerId)?.name ?? ticket.ownerId) : v.unassigned;
  const summary = ticket.description.trim();
  const values: Record<TemplatePlaceholder, string> = {
    ticketId: ticket.id,
    title: ticket.title,
    summary: summary.length > 1000 ? `${summary.slice(0, 999)}…` : summary,
    severity: context.severityLabel ?? ticket.severity,
    priority: (Object.hasOwn(v.priority, ticket.priority) && v.priority[ticket.priority]) || ticket.priority,
    customer: context.customerName,
    product: ticket.product,
    productLine: routingKeyLabel(matrix, 'by_product_line', ticket.productLine),
    region: routingKeyLabel(matrix, 'by_region', ticket.region),
    level: String(level),
    levelName: localizedLabel(def.name, loc),
    owner,
    impact: v.impact[ticket.impact],
    timeline: timelineSummary(context.timeline, v, fmt, context.engineers),
    clocks: clocksSummary(context.clocks, v, fmt),
    breaches: breachesSummary(context.clocks, v, fmt),
    tried: context.tried?.trim() || v.none,
    ask: context.ask?.trim() || v.defaultAsk,
    eDown: eDownSummary(ticket.eDown, v, fmt),
    defectReference: ticket.defectReference ?? '',
  };
  const template = escalationTemplateFor(matrix, loc);
  // A policy's own template written before the SPR/defect placeholder existed still carries it.
  const body = renderTemplate(template.body, values);
  const withDefect = ticket.defectReference && !template.body.includes('defectReference') ? `${body.trimEnd()}\n\n${v.defectReference}: ${ticket.defectReference}\n` : body;
  return {
    to: recipients.to,
    cc: recipients.cc,
    // A subject is one line whatever the values hold; renderEml would flatten it anyway.
    subject: renderTemplate(template.subject, values).replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    body: withDefect,
    ...(context.now !== undefined ? { date: new Date(context.now) } : {}),
  };
}
