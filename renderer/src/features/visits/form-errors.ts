// The shared schemas speak English; the forms show their messages through these locale keys.
const keys: Record<string, string> = {
  'say what was found': 'visits.error.found',
  'say what was done': 'visits.error.done',
  'the name of the person confirming is required': 'visits.error.name',
  'the inspection summary is required': 'visits.error.summary',
  'the work note is empty': 'visits.error.note',
};

/** The locale key of a shared schema's message (unknown messages are shown as they are). */
export function errorKey(message: string): string {
  return keys[message] ?? message;
}
