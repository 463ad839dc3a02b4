// Compile-time proof that mutations are typed: every `@ts-expect-error` below must see an error, so
// `npm run typecheck` fails as soon as a misspelt name or wrong args would compile again.
import { describe, expect, it } from 'vitest';
import type { Mutate } from '../../renderer/src/app/mutations';
import { mutationNames, prepareMutation, type MutationName } from '../../shared/sync';

/** Never run: only type-checked. */
export function typedCalls(mutate: Mutate): void {
  void mutate('ticket.changeSeverity@2', { ticketId: 'SD-1', severity: '1', impact: 'degradation', urgency: 'low', reason: 'site down' });
  void mutate('ticket.changeStatus@1', { ticketId: 'SD-1', to: 'resolved' });
  void mutate('timeline.addNote@1', { ticketId: 'SD-1', visibility: 'internal', text: 'called back' });

  // @ts-expect-error a misspelt mutation name does not compile
  void mutate('ticket.changeSeverty@1', { ticketId: 'SD-1', severity: '1', impact: 'degradation', urgency: 'low', reason: 'site down' });
  // @ts-expect-error version 1 is only replayed from old outboxes; new calls use the current version
  void mutate('ticket.changeSeverity@1', { ticketId: 'SD-1', severity: '1', impact: 'degradation', urgency: 'low', priority: 'p1', reason: 'site down' });
  // @ts-expect-error priority is decided by the severity command, never sent by the caller
  void mutate('ticket.changeSeverity@2', { ticketId: 'SD-1', severity: '1', impact: 'degradation', urgency: 'low', priority: 'p1', reason: 'site down' });
  // @ts-expect-error impact must be one of the impact classes
  void mutate('ticket.changeSeverity@2', { ticketId: 'SD-1', severity: '1', impact: 'huge', urgency: 'low', reason: 'site down' });
  // @ts-expect-error a status the state machine does not know
  void mutate('ticket.changeStatus@1', { ticketId: 'SD-1', to: 'done' });
  // @ts-expect-error a note needs its visibility
  void mutate('timeline.addNote@1', { ticketId: 'SD-1', text: 'called back' });
  // @ts-expect-error the ticket id is a string
  void mutate('ticket.assign@1', { ticketId: 42 });
}

/** One entry per mutation name the type map knows; a name missing here, or extra, does not compile. */
const typedNames: Record<MutationName, true> = {
  'ticket.create@1': true,
  'mail.send@1': true,
  'mail.recordResult@1': true,
  'ticket.update@1': true,
  'ticket.changeSeverity@2': true,
  'ticket.changeStatus@1': true,
  'ticket.assign@1': true,
  'timeline.addNote@1': true,
  'ticket.recordEscalation@1': true,
  'ticket.recordSlaAlert@1': true,
  'conflict.resolve@1': true,
  'ticket.delete@1': true,
  'ticket.setPriority@1': true,
  'ticket.recordCustomerUpdate@1': true,
  'config.put@1': true,
  'config.delete@1': true,
  'visit.create@1': true,
  'visit.action@1': true,
  'visit.parts@1': true,
  'view.put@1': true,
  'view.delete@1': true,
  'attachment.add@1': true,
  'attachment.remove@1': true,
  'ticket.requestRfo@1': true,
  'ticket.deliverRfo@1': true,
  'ticket.defer@1': true,
  'ticket.setDefectReference@1': true,
  'ticket.recordHandoff@1': true,
  'ticket.escalateNoProgress@1': true,
  'ticket.interimReport@1': true,
};

describe('typed mutations', () => {
  it('the type map names exactly the mutations the registry runs', () => {
    expect(Object.keys(typedNames).sort()).toEqual([...mutationNames].sort());
  });

  it('old versions still run for queued entries, though new calls cannot name them', () => {
    const old = prepareMutation('ticket.changeSeverity@1', { ticketId: 'SD-1', severity: '1', impact: 'degradation', urgency: 'low', priority: 'p1', reason: 'site down' });
    expect(old.ok && old.mutation.name).toBe('ticket.changeSeverity@2');
    expect(old.ok && old.mutation.args).not.toHaveProperty('priority');
  });
});
