// Runs the holiday .ics parser off the UI thread: a rule that makes ical.js search forever then
// costs a worker, which the page terminates after a time limit (parse-ics-off-thread.ts).
import { parseIcsHolidays, type YearRange } from '../../../../shared/calendar-io';

type Request = { text: string; range: YearRange };
const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  scope.postMessage(parseIcsHolidays(e.data.text, e.data.range));
};
