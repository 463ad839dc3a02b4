import type { EDownAnswers, Ticket } from '../ticket/schema';
import type { Policy } from '../policy/schema';

type IntakeChannel = Ticket['channel'];
export type EDownContext = { atCreation: boolean; channel: IntakeChannel };

const reasonLabels: Readonly<Record<EDownAnswers['reason'], string>> = {
  users_cannot_reach_server: 'most end users cannot reach the server software',
  server_unresponsive_or_exiting: 'the server is unresponsive or keeps exiting',
  suppliers_cannot_reach: 'suppliers cannot reach the software',
  end_user_productivity_down_80: 'end-user productivity is down 80 % or more',
  server_performance_down_80: 'server performance cuts productivity 80 % or more',
};

/**
 * What stops a ticket from being raised to E-Down, one clear sentence per problem;
 * an empty list means E-Down may be set. Answers may be partial: this is what a form validates.
 */
export function validateEDown(ticket: Pick<Ticket, 'status'>, answers: Partial<EDownAnswers> | undefined, policy: Policy, context: EDownContext): string[] {
  const rule = policy.eDown;
  if (!rule?.enabled) return [`Policy "${policy.name}" does not offer E-Down.`];
  const problems: string[] = [];
  if (context.atCreation && rule.notAtCreationVia.includes(context.channel)) {
    problems.push(`E-Down cannot be chosen when a case is first logged through the ${context.channel}; log the case first, then raise it to E-Down.`);
  }
  if (ticket.status === 'resolved' || ticket.status === 'confirmed' || ticket.status === 'closed') {
    problems.push(`E-Down is for a production system that is down now; this ticket is ${ticket.status}, reopen it first.`);
  }
  const a = answers ?? {};
  const asks = new Set(rule.questionnaire);
  if (asks.has('reason')) {
    if (a.reason === undefined) {
      problems.push(`Choose why production is down: ${rule.qualifyingReasons.map((r) => reasonLabels[r]).join('; ')}.`);
    } else if (!rule.qualifyingReasons.includes(a.reason)) {
      problems.push(`"${reasonLabels[a.reason]}" does not qualify for E-Down under policy "${policy.name}".`);
    }
  }
  if (asks.has('usersTotal') && !(Number.isInteger(a.usersTotal) && (a.usersTotal ?? 0) > 0)) {
    problems.push('Give the total number of users of the system (a whole number above 0).');
  }
  if (asks.has('usersAffected') && !(Number.isInteger(a.usersAffected) && (a.usersAffected ?? -1) >= 0)) {
    problems.push('Give how many users are affected (a whole number).');
  }
  if (a.usersTotal !== undefined && a.usersAffected !== undefined && a.usersAffected > a.usersTotal) {
    problems.push(`Users affected (${a.usersAffected}) cannot exceed the total users (${a.usersTotal}).`);
  }
  if (asks.has('actionsTaken') && !a.actionsTaken?.trim()) {
    problems.push('Describe the actions taken so far (and any new contact details).');
  }
  if (asks.has('downSince') && !(Number.isInteger(a.downSince) && (a.downSince ?? -1) >= 0)) {
    problems.push('Say since when the system has been down.');
  }
  if (asks.has('technicalContact') && !a.technicalContact?.trim()) {
    problems.push('Name a technical contact who can be reached for the whole incident.');
  }
  return problems;
}

/** Thrown when E-Down is set without meeting its rule; `problems` lists what is missing. */
export class EDownRejectedError extends Error {
  constructor(readonly problems: string[]) {
    super(`E-Down cannot be set: ${problems.join(' ')}`);
    this.name = 'EDownRejectedError';
  }
}
