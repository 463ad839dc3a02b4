import type { Ticket } from '../../../../shared/ticket';

type Translate = (k: string, o?: Record<string, unknown>) => string;

/** The interim report's outline in the engineer's language: what is known, what was done, what happens next and when. */
export function interimDraft(t: Translate, ticket: Ticket, at: string): string {
  return [
    t('handoff.interim.subject', { id: ticket.id, title: ticket.title }),
    '',
    t('handoff.interim.outline.status', { at }),
    `${t('handoff.interim.outline.known')}: `,
    `${t('handoff.interim.outline.done')}: `,
    `${t('handoff.interim.outline.next')}: `,
    `${t('handoff.interim.outline.customerTold')}: `,
  ].join('\n');
}
