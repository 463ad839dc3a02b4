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

/** One reason E-Down cannot be set yet, as a code (for the UI's own words) and its values. */
export type EDownProblem =
  | { code: 'not_offered'; policy: string }
  | { code: 'not_at_creation'; channel: IntakeChannel }
  | { code: 'ticket_done'; status: Ticket['status'] }
  | { code: 'reason_missing'; reasons: EDownAnswers['reason'][] }
  | { code: 'reason_not_qualifying'; reason: EDownAnswers['reason']; policy: string }
  | { code: 'users_total' }
  | { code: 'users_affected' }
  | { code: 'users_affected_above_total'; affected: number; total: number }
  | { code: 'actions_taken' }
  | { code: 'down_since' }
  | { code: 'technical_contact' };

/**
 * Everything that stops a ticket from being raised to E-Down, all at once (a form shows them
 * together, not one per Save); an empty list means E-Down may be set. Answers may be partial.
 */
export function eDownProblems(ticket: Pick<Ticket, 'status'>, answers: Partial<EDownAnswers> | undefined, policy: Policy, context: EDownContext): EDownProblem[] {
  const rule = policy.eDown;
  if (!rule?.enabled) return [{ code: 'not_offered', policy: policy.name }];
  const problems: EDownProblem[] = [];
  if (context.atCreation && rule.notAtCreationVia.includes(context.channel)) problems.push({ code: 'not_at_creation', channel: context.channel });
  if (ticket.status === 'resolved' || ticket.status === 'confirmed' || ticket.status === 'closed') problems.push({ code: 'ticket_done', status: ticket.status });
  const a = answers ?? {};
  const asks = new Set(rule.questionnaire);
  if (asks.has('reason')) {
    if (a.reason === undefined) problems.push({ code: 'reason_missing', reasons: [...rule.qualifyingReasons] });
    else if (!rule.qualifyingReasons.includes(a.reason)) problems.push({ code: 'reason_not_qualifying', reason: a.reason, policy: policy.name });
  }
  if (asks.has('usersTotal') && !(Number.isInteger(a.usersTotal) && (a.usersTotal ?? 0) > 0)) problems.push({ code: 'users_total' });
  if (asks.has('usersAffected') && !(Number.isInteger(a.usersAffected) && (a.usersAffected ?? -1) >= 0)) problems.push({ code: 'users_affected' });
  if (a.usersTotal !== undefined && a.usersAffected !== undefined && a.usersAffected > a.usersTotal) {
    problems.push({ code: 'users_affected_above_total', affected: a.usersAffected, total: a.usersTotal });
  }
  if (asks.has('actionsTaken') && !a.actionsTaken?.trim()) problems.push({ code: 'actions_taken' });
  if (asks.has('downSince') && !(Number.isInteger(a.downSince) && (a.downSince ?? -1) >= 0)) problems.push({ code: 'down_since' });
  if (asks.has('technicalContact') && !a.technicalContact?.trim()) problems.push({ code: 'technical_contact' });
  return problems;
}

/** One English sentence per problem: the command's refusal text and the log. */
export function eDownProblemText(p: EDownProblem): string {
  switch (p.code) {
    case 'not_offered':
      return `Policy "${p.policy}" does not offer E-Down.`;
    case 'not_at_creation':
      return `E-Down cannot be chosen when a case is first logged through the ${p.channel}; log the case first, then raise it to E-Down.`;
    case 'ticket_done':
      return `E-Down is for a production system that is down now; this ticket is ${p.status}, reopen it first.`;
    case 'reason_missing':
      return `Choose why production is down: ${p.reasons.map((r) => reasonLabels[r]).join('; ')}.`;
    case 'reason_not_qualifying':
      return `"${reasonLabels[p.reason]}" does not qualify for E-Down under policy "${p.policy}".`;
    case 'users_total':
      return 'Give the total number of users of the system (a whole number above 0).';
    case 'users_affected':
      return 'Give how many users are affected (a whole number).';
    case 'users_affected_above_total':
      return `Users affected (${p.affected}) cannot exceed the total users (${p.total}).`;
    case 'actions_taken':
      return 'Describe the actions taken so far (and any new contact details).';
    case 'down_since':
      return 'Say since when the system has been down.';
    case 'technical_contact':
      return 'Name a technical contact who can be reached for the whole incident.';
  }
}

/**
 * What stops a ticket from being raised to E-Down, one clear sentence per problem;
 * an empty list means E-Down may be set. Answers may be partial: this is what a form validates.
 */
export function validateEDown(ticket: Pick<Ticket, 'status'>, answers: Partial<EDownAnswers> | undefined, policy: Policy, context: EDownContext): string[] {
  return eDownProblems(ticket, answers, policy, context).map(eDownProblemText);
}

/** Thrown when E-Down is set without meeting its rule; `problems` lists what is missing. */
export class EDownRejectedError extends Error {
  constructor(readonly problems: string[]) {
    super(`E-Down cannot be set: ${problems.join(' ')}`);
    this.name = 'EDownRejectedError';
  }
}

/** Every problem code, for the catalogue check that each has words in every language. */
export const eDownProblemCodes = [
  'not_offered', 'not_at_creation', 'ticket_done', 'reason_missing', 'reason_not_qualifying', 'users_total',
  'users_affected', 'users_affected_above_total', 'actions_taken', 'down_since', 'technical_contact',
] as const satisfies readonly EDownProblem['code'][];
