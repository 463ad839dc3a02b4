import i18next from 'i18next';
import { clockKinds } from '../../../../shared/sla/watch';
import { visitReasons } from '../../../../shared/dispatch/visit-schema';
import type { EscalationMatrix, LocalizedText } from '../../../../shared/escalation';
import { supportedLanguages } from '../../i18n';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An automatic escalation records its reason as text, in the language of the device that ran it
 * (a fresh profile, and the demo generator, write English). Read back, that text is recognised
 * in any of our languages and said again in the reader's; a reason someone typed stays as typed.
 */
export function translateEscalationReason(ask: string, t: Translate): string {
  const text = ask.trim();
  if (!text) return text;
  for (const kind of clockKinds) {
    // The shared rule's own wording ("first_response clock breached") is the id form of the same reason.
    if (text === `${kind} clock breached`) return t('escalation.auto.clockBreached', { clock: t(`clocks.${kind}`) });
  }
  for (const lang of supportedLanguages) {
    const tl = i18next.getFixedT(lang);
    for (const kind of clockKinds) {
      if (text.toLowerCase() === tl('escalation.auto.clockBreached', { clock: tl(`clocks.${kind}`) }).toLowerCase()) {
        return t('escalation.auto.clockBreached', { clock: t(`clocks.${kind}`) });
      }
    }
    // Named groups: each language (and each wording) may put the hours and the severity in either order.
    const aged = new RegExp(`^${escapeRegExp(tl('escalation.auto.aged', { hours: '\u0000', severity: '\u0001' })).replace('\u0000', '(?<hours>[\\d.,]+)').replace('\u0001', '(?<severity>\\S+)')}$`, 'i');
    const m = aged.exec(text);
    if (m?.groups) return t('escalation.auto.aged', { hours: m.groups.hours, severity: m.groups.severity });
  }
  return text;
}

/**
 * The escalation level's name as the matrix gives it in the reader's language. The event keeps
 * the name in the language it was recorded in; any matrix level carrying that name in any of our
 * languages gives the name in the current one. A renamed or removed level keeps its recorded name.
 */
export function translateLevelName(recorded: string, matrices: readonly EscalationMatrix[], language: string): string {
  for (const matrix of matrices) {
    for (const level of matrix.levels) {
      const names: LocalizedText = level.name;
      if (Object.values(names).includes(recorded)) return names[language as keyof LocalizedText] ?? names.en;
    }
  }
  return recorded;
}

const ISO = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?Z';
const booking = new RegExp(`^(\\S*) (${ISO})(?:–(${ISO}))?( \\(tentative\\))?(?:: (.*))?$`, 's');
const instant = new RegExp(`^${ISO}$`);
const visitReasonIds: ReadonlySet<string> = new Set(visitReasons);

/**
 * A visit's timeline entry in words: the step ("Booked"), and its detail with names for engineer
 * ids and local times for the ISO instants the workflow records ("eng-kai 2026-12-01T01:00:00.000Z–…").
 */
export function visitChangeText(change: string, detail: string, t: Translate, names: ReadonlyMap<string, string>, format: (at: number) => string): string {
  const step = t(`dispatch.action.${change.startsWith('parts_') ? 'parts' : change}`, { defaultValue: change });
  let words = detail.trim();
  if (change === 'confirm_booking') words = '';
  else if (visitReasonIds.has(words)) words = t(`dispatch.reason.${words}`);
  else if (instant.test(words)) words = format(Date.parse(words));
  else {
    const m = booking.exec(words);
    if (m) {
      const who = m[1] ? (names.get(m[1]) ?? m[1]) : '';
      const when = `${format(Date.parse(m[2] ?? ''))}${m[3] ? `–${format(Date.parse(m[3]))}` : ''}`;
      words = [who, when].filter(Boolean).join(' · ') + (m[4] ? ` · ${t('dispatch.status.tentative')}` : '') + (m[5] ? ` — ${m[5]}` : '');
    }
  }
  return words ? `${step} — ${words}` : step;
}
