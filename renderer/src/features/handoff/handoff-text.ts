import type { InternalRole, InternalStep } from '../../../../shared/internal-clocks';
import type { TimelineEvent } from '../../../../shared/ticket';

type Translate = (k: string, o?: Record<string, unknown>) => string;

export const roleText = (t: Translate, role: string): string => t(`handoff.role.${role}`, { defaultValue: role });

/** A step's name: translated for the shipped steps, "from → to" for steps an administrator added. */
export function stepText(t: Translate, step: Pick<InternalStep, 'id'> & { from?: InternalRole; to?: InternalRole }): string {
  const fallback = step.from && step.to ? `${roleText(t, step.from)} → ${roleText(t, step.to)}` : step.id;
  return t(`handoff.step.${step.id}`, { defaultValue: fallback });
}

/** The button that records a step's start fact ("Work finished", "Customer confirmed"). */
export const startText = (t: Translate, step: InternalStep): string => t(`handoff.start.${step.id}`, { defaultValue: t('handoff.startFallback', { step: stepText(t, step) }) });

/** Progress the no-progress rule counts besides hand-offs: notes and status changes. */
export function progressInstants(timeline: readonly TimelineEvent[]): number[] {
  return timeline.flatMap((e) => (e.kind === 'note' || e.kind === 'status_changed' ? [e.at] : []));
}

/** One line for the ticket's timeline. */
export function internalEventText(e: Extract<TimelineEvent, { kind: 'internal_step' }>, t: Translate, names: ReadonlyMap<string, string>, format: (at: number) => string): string {
  const who = (id: string) => names.get(id) ?? roleText(t, id);
  const step = stepText(t, { id: e.step });
  switch (e.mark) {
    case 'start':
      return t('handoff.timeline.start', { step, what: t(`handoff.start.${e.step}`, { defaultValue: step }) });
    case 'done':
      return e.to ? t('handoff.timeline.doneTo', { step, to: who(e.to) }) : t('handoff.timeline.done', { step });
    case 'escalated': {
      const minutes = /(\d+) min/.exec(e.rule)?.[1] ?? '30';
      return t('handoff.timeline.escalated', { role: roleText(t, e.to), minutes });
    }
    case 'interim_scheduled':
      return t('handoff.timeline.interimScheduled', { at: format(e.dueAt ?? e.at), to: e.to ? who(e.to) : t('handoff.superiorUnknown') });
    case 'interim_sent':
      return t('handoff.timeline.interimSent', { to: e.to ? who(e.to) : t('handoff.superiorUnknown') }) + (e.text ? `\n\n${e.text}` : '');
  }
}
