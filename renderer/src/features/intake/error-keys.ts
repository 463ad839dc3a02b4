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
};

/** The translation key for a validation message; unknown messages are shown as they are. */
export function errorKey(message: string): string {
  if (message.startsWith('E-Down cannot be chosen')) return 'intake.errors.eDown';
  if (message.startsWith('choose one of')) return 'intake.errors.severity';
  return keys[message] ?? message;
}
