// shared/ validation speaks English (the server and logs use it too); the form shows it translated.
const keys: Record<string, string> = {
  'required by this customer’s policy': 'intake.errors.required',
  'not an e-mail address': 'intake.errors.email',
  'not a phone number': 'intake.errors.phone',
  'not an IP address': 'intake.errors.ip',
  'not a date and time': 'intake.errors.date',
  'the problem cannot start in the future': 'intake.errors.future',
  'choose the customer': 'intake.errors.customer',
  'give the ticket a short title': 'intake.errors.title',
  'choose the product line': 'intake.errors.productLine',
  'name the product': 'intake.errors.product',
  'choose a severity': 'intake.errors.severity',
  'choose a product line of the catalogue': 'intake.errors.catalogueLine',
  'choose a product of this product line': 'intake.errors.catalogueProduct',
  'say why the severity differs from the impact class': 'intake.errors.overrideReason',
  'E-Down: reason_missing': 'intake.errors.eDownReason',
  'E-Down: reason_not_qualifying': 'intake.errors.eDownReason',
  'E-Down: users_affected_above_total': 'intake.errors.eDownAffected',
};

/** The translation key for a validation message; unknown messages are shown as they are. */
export function errorKey(message: string): string {
  if (keys[message]) return keys[message];
  if (message.startsWith('E-Down cannot be chosen')) return 'intake.errors.eDown';
  // The questionnaire's other answers have their words in the E-Down editor's catalogue.
  if (message.startsWith('E-Down: ')) return `edown.problems.${message.slice('E-Down: '.length)}`;
  if (message.startsWith('choose one of')) return 'intake.errors.severity';
  return keys[message] ?? message;
}
