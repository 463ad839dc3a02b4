// Some recurrence rules can never produce a date (February 30th every day of February), and
// ical.js then searches forever for the next occurrence. Such a rule is refused before any
// expansion; the worker's time limit (renderer) covers rules nobody has thought of yet.

// The most days each month can have (February: 29, in a leap year).
const maxDaysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function numbers(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const out = list.map((v) => Number(v));
  return out.every((n) => Number.isInteger(n)) ? out : [];
}

/** Why a recurrence (its BY* parts, as ical.js parses them) can never occur, or null when it can. */
export function impossibleRecurrence(parts: Readonly<Record<string, unknown>>): string | null {
  const months = numbers(parts['BYMONTH']);
  if (months && months.some((m) => m < 1 || m > 12)) return `BYMONTH must be 1 to 12 (got ${months.join(',')})`;
  const monthDays = numbers(parts['BYMONTHDAY']);
  if (monthDays) {
    if (monthDays.some((d) => d === 0 || Math.abs(d) > 31)) return `BYMONTHDAY must be 1 to 31 or -31 to -1 (got ${monthDays.join(',')})`;
    const inMonths = months ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const possible = inMonths.some((m) => monthDays.some((d) => Math.abs(d) <= (maxDaysInMonth[m - 1] ?? 0)));
    if (!possible) return `no month in BYMONTH=${inMonths.join(',')} has day ${monthDays.join(',')}`;
  }
  const yearDays = numbers(parts['BYYEARDAY']);
  if (yearDays && yearDays.some((d) => d === 0 || Math.abs(d) > 366)) return `BYYEARDAY must be 1 to 366 or -366 to -1 (got ${yearDays.join(',')})`;
  const weekNumbers = numbers(parts['BYWEEKNO']);
  if (weekNumbers && weekNumbers.some((w) => w === 0 || Math.abs(w) > 53)) return `BYWEEKNO must be 1 to 53 or -53 to -1 (got ${weekNumbers.join(',')})`;
  return null;
}
