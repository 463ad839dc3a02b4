import type { Engineer } from '../directory/schema';
import type { EDownAnswers } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import type { ClockStateLike } from './schema';
import type { DraftVocabulary } from './vocabulary';

// The blocks of text a draft body is built from. Each returns '' when there is nothing to say,
// so template sections ({{#breaches}}...{{/breaches}}) can drop their heading.

/** Formats instants in the reader's locale and the given IANA time zone; RangeError for an unknown zone. */
export function instantFormatter(locale: string, timeZone: string): (at: number) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}"`);
  }
  return (at) => format.format(new Date(at));
}

function firstLine(text: string, max = 120): string {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function eventDetail(e: TimelineEvent, v: DraftVocabulary, name: (id: string | undefined) => string, fmtUntil: (at: number) => string): string {
  switch (e.kind) {
    case 'created':
      return '';
    case 'note':
      return `${e.visibility === 'internal' ? `(${v.internal}) ` : ''}${firstLine(e.text)}`;
    case 'status_changed':
      return `${v.status[e.from]} → ${v.status[e.to]}`;
    case 'severity_changed':
      return `${e.from.severity} → ${e.to.severity}${e.reason ? `: ${firstLine(e.reason)}` : ''}`;
    case 'assigned':
      return `${name(e.from)} → ${name(e.to)}`;
    case 'customer_update':
      return firstLine(e.text);
    case 'sla_alert':
      return `${v.clock[e.clock]} ${e.threshold}%`;
    case 'escalated':
      return `${e.levelName}${e.automatic ? ` (${v.automatic})` : ''}${e.recipients.length ? `: ${e.recipients.join(', ')}` : ''}`;
    case 'visit':
      return firstLine(`${e.change} ${e.detail}`);
    case 'deferred':
      return `${e.agreedWith} → ${fmtUntil(e.until)}`;
    case 'defect_reference':
      return e.reference || v.none;
    case 'rfo':
      return e.step === 'delivered' ? firstLine(e.fileName || e.document) : '';
    case 'conflict':
      return e.field;
    case 'mail':
      return `${e.to.join(', ')}: ${firstLine(e.subject)}`;
    case 'internal_step':
      return firstLine(`${e.step} ${e.mark}${e.to ? ` → ${e.to}` : ''}${e.rule ? `: ${e.rule}` : ''}`);
  }
}

/** The last `limit` timeline events, oldest first, one line each. */
export function timelineSummary(events: readonly TimelineEvent[], v: DraftVocabulary, fmt: (at: number) => string, engineers: readonly Engineer[], limit = 15): string {
  const names = new Map(engineers.map((e) => [e.id, e.name]));
  const name = (id: string | undefined): string => (id ? (names.get(id) ?? id) : v.unassigned);
  const sorted = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shown = sorted.slice(-limit);
  const lines = shown.map((e) => {
    const detail = eventDetail(e, v, name, fmt);
    return `- ${fmt(e.at)}  ${v.event[e.kind]}${detail ? `: ${detail}` : ''}`;
  });
  if (lines.length === 0) return `- ${v.none}`;
  if (sorted.length > shown.length) lines.unshift(v.earlierEvents(sorted.length - shown.length));
  return lines.join('\n');
}

function clockLine(c: ClockStateLike, v: DraftVocabulary, fmt: (at: number) => string): string {
  return `- ${v.clock[c.kind]}: ${v.clockState[c.state]}${c.target !== undefined ? ` (${v.target} ${fmt(c.target)})` : ''}`;
}

/** Every clock with its state and target. */
export function clocksSummary(clocks: readonly ClockStateLike[], v: DraftVocabulary, fmt: (at: number) => string): string {
  return clocks.length ? clocks.map((c) => clockLine(c, v, fmt)).join('\n') : `- ${v.none}`;
}

/** Only the breached clocks; '' when none. */
export function breachesSummary(clocks: readonly ClockStateLike[], v: DraftVocabulary, fmt: (at: number) => string): string {
  return clocks
    .filter((c) => c.state === 'breached')
    .map((c) => clockLine(c, v, fmt))
    .join('\n');
}

/** The E-Down questionnaire answers; '' when the ticket is not E-Down. */
export function eDownSummary(answers: EDownAnswers | undefined, v: DraftVocabulary, fmt: (at: number) => string): string {
  if (!answers) return '';
  return [
    `- ${v.eDown.reason}: ${v.eDownReason[answers.reason]}`,
    `- ${v.eDown.users(answers.usersAffected, answers.usersTotal)}`,
    `- ${v.eDown.actionsTaken}: ${answers.actionsTaken}`,
    `- ${v.eDown.downSince}: ${fmt(answers.downSince)}`,
    `- ${v.eDown.technicalContact}: ${answers.technicalContact}`,
  ].join('\n');
}
