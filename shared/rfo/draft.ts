import type { Engineer } from '../directory/schema';
import type { MailDraft } from '../mail/draft';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { instantFormatter, timelineSummary } from '../escalation/draft-sections';
import { pickEscalationLocale, type EscalationLocale } from '../escalation/locale';
import { draftVocabulary } from '../escalation/vocabulary';

/** The headings and fixed sentences of an RFO document, per language. */
type RfoWords = {
  subject: (id: string, title: string) => string;
  greeting: (contact: string) => string;
  intro: string;
  summary: string;
  started: string;
  resolved: string;
  notYet: string;
  severity: string;
  impact: string;
  timeline: string;
  rootCause: string;
  corrective: string;
  preventive: string;
  fill: string;
  closing: string;
};

const words: Record<EscalationLocale, RfoWords> = {
  en: {
    subject: (id, title) => `Reason for outage (RFO): ${id} ${title}`,
    greeting: (c) => (c ? `Dear ${c},` : 'Dear customer,'),
    intro: 'As requested, this is our report on the reason for the outage and what we do to prevent it from happening again.',
    summary: 'Summary',
    started: 'Started',
    resolved: 'Resolved',
    notYet: 'not yet',
    severity: 'Severity',
    impact: 'Impact',
    timeline: 'Timeline',
    rootCause: 'Root cause',
    corrective: 'Corrective actions',
    preventive: 'Preventive actions',
    fill: '[to be completed before sending]',
    closing: 'Kind regards,',
  },
  'zh-CN': {
    subject: (id, title) => `故障原因报告 (RFO)：${id} ${title}`,
    greeting: (c) => (c ? `尊敬的${c}：` : '尊敬的客户：'),
    intro: '应您的要求，现提交本次故障的原因报告，以及我们为防止再次发生所采取的措施。',
    summary: '概述',
    started: '开始时间',
    resolved: '解决时间',
    notYet: '尚未解决',
    severity: '严重级别',
    impact: '影响',
    timeline: '处理经过',
    rootCause: '根本原因',
    corrective: '纠正措施',
    preventive: '预防措施',
    fill: '[发送前请填写]',
    closing: '此致',
  },
  'zh-TW': {
    subject: (id, title) => `故障原因報告 (RFO)：${id} ${title}`,
    greeting: (c) => (c ? `親愛的${c}：` : '親愛的客戶：'),
    intro: '依您的要求，現提交本次故障的原因報告，以及我們為防止再次發生所採取的措施。',
    summary: '概述',
    started: '開始時間',
    resolved: '解決時間',
    notYet: '尚未解決',
    severity: '嚴重層級',
    impact: '影響',
    timeline: '處理經過',
    rootCause: '根本原因',
    corrective: '矯正措施',
    preventive: '預防措施',
    fill: '[傳送前請填寫]',
    closing: '敬祝 順心',
  },
  bg: {
    subject: (id, title) => `Доклад за причината за прекъсването (RFO): ${id} ${title}`,
    greeting: (c) => (c ? `Уважаеми ${c},` : 'Уважаеми клиенте,'),
    intro: 'По ваше искане представяме доклада за причината за прекъсването и мерките, които предприемаме, за да не се повтори.',
    summary: 'Обобщение',
    started: 'Начало',
    resolved: 'Отстранено',
    notYet: 'все още не',
    severity: 'Сериозност',
    impact: 'Въздействие',
    timeline: 'Хронология',
    rootCause: 'Основна причина',
    corrective: 'Коригиращи действия',
    preventive: 'Превантивни действия',
    fill: '[да се попълни преди изпращане]',
    closing: 'С уважение,',
  },
};

/** Events the customer may read: internal notes, alerts, escalations and sync conflicts stay in the house. */
function customerFacing(e: TimelineEvent): boolean {
  if (e.kind === 'note') return e.visibility === 'external';
  return e.kind === 'created' || e.kind === 'status_changed' || e.kind === 'severity_changed' || e.kind === 'customer_update' || e.kind === 'visit' || e.kind === 'rfo';
}

export type RfoDraftContext = {
  timeline: readonly TimelineEvent[];
  engineers: readonly Engineer[];
  /** IANA zone of every instant in the document (the customer's site). */
  timeZone: string;
  severityLabel?: string;
  signature?: string;
  now?: number;
};

/**
 * The RFO document as a mail draft to the ticket's contact, in the customer's language: summary,
 * the customer-facing timeline taken from the ticket, and root cause, corrective and preventive
 * actions for the engineer to complete (marked so an unfinished draft is obvious).
 */
export function buildRfoDraft(ticket: Ticket, language: string, ctx: RfoDraftContext): MailDraft {
  const loc = pickEscalationLocale(language);
  const w = words[loc];
  const v = draftVocabulary[loc];
  const fmt = instantFormatter(loc, ctx.timeZone);
  const started = ticket.eDown?.downSince ?? ticket.createdAt;
  const events = ctx.timeline.filter(customerFacing);
  const summary = ticket.description.trim();
  const body = [
    w.greeting(ticket.contactName.trim()),
    '',
    w.intro,
    '',
    `${w.summary}`,
    `- ${ticket.id}: ${ticket.title}`,
    `- ${w.severity}: ${ctx.severityLabel ?? ticket.severity}`,
    `- ${w.impact}: ${v.impact[ticket.impact]}`,
    `- ${w.started}: ${fmt(started)}`,
    `- ${w.resolved}: ${ticket.sla.resolvedAt !== undefined ? fmt(ticket.sla.resolvedAt) : w.notYet}`,
    ...(summary ? ['', summary.length > 2000 ? `${summary.slice(0, 1999)}…` : summary] : []),
    '',
    w.timeline,
    timelineSummary(events, v, fmt, ctx.engineers, 40),
    '',
    w.rootCause,
    w.fill,
    '',
    w.corrective,
    w.fill,
    '',
    w.preventive,
    w.fill,
    '',
    w.closing,
    ctx.signature ?? '',
  ].join('\n');
  return {
    to: ticket.contactEmail.trim() ? [ticket.contactEmail.trim()] : [],
    subject: w.subject(ticket.id, ticket.title).replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    body: body.trimEnd(),
    ...(ctx.now !== undefined ? { date: new Date(ctx.now) } : {}),
  };
}

/** The marker the draft leaves where the engineer must write; a delivery should not still contain it. */
export function rfoDraftUnfinished(text: string): boolean {
  return Object.values(words).some((w) => text.includes(w.fill));
}
