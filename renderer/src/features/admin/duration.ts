/**
 * Durations as people say them ("4 h", "1 h 30 min", "2 d", "4 小时", "2 дни"), for clock targets
 * that are stored in minutes. A bare number is minutes, as stored. A day is 24 hours, so days are
 * only accepted where the clock counts elapsed time: a business day depends on the calendar, and
 * "2 d" of business minutes would silently mean 48 business hours.
 */
export type DurationUnit = 'min' | 'h' | 'd';
export type ParsedDuration = { ok: true; minutes: number } | { ok: false; problem: 'empty' | 'unreadable' | 'not_positive' | 'no_days' | 'not_whole' };

const MINUTES: Record<DurationUnit, number> = { min: 1, h: 60, d: 1440 };

// Unit words of every language we speak, longest first so "min" is not read as "m" + "in".
const unitWords: ReadonlyArray<[string, DurationUnit]> = (
  [
    ['minutes', 'min'], ['minute', 'min'], ['mins', 'min'], ['min', 'min'], ['m', 'min'], ['分钟', 'min'], ['分鐘', 'min'], ['分', 'min'], ['минути', 'min'], ['минута', 'min'], ['мин', 'min'], ['м', 'min'],
    ['hours', 'h'], ['hour', 'h'], ['hrs', 'h'], ['hr', 'h'], ['h', 'h'], ['小时', 'h'], ['小時', 'h'], ['时', 'h'], ['時', 'h'], ['часа', 'h'], ['часове', 'h'], ['час', 'h'], ['ч', 'h'],
    ['days', 'd'], ['day', 'd'], ['d', 'd'], ['天', 'd'], ['日', 'd'], ['дни', 'd'], ['дена', 'd'], ['ден', 'd'], ['д', 'd'],
  ] as Array<[string, DurationUnit]>
).sort((a, b) => b[0].length - a[0].length);

/** Reads a duration; `allowDays` where a day is unambiguous (elapsed time). Whole minutes only. */
export function parseDuration(text: string, allowDays: boolean): ParsedDuration {
  let rest = text.trim().toLowerCase().replace(/,/g, '.');
  if (!rest) return { ok: false, problem: 'empty' };
  if (/^\d+(\.\d+)?$/.test(rest)) return checked(Number(rest));
  let minutes = 0;
  while (rest) {
    const num = /^(\d+(?:\.\d+)?)\s*/.exec(rest);
    if (!num?.[1]) return { ok: false, problem: 'unreadable' };
    rest = rest.slice(num[0].length);
    const word = unitWords.find(([w]) => rest.startsWith(w));
    if (!word) return { ok: false, problem: 'unreadable' };
    if (word[1] === 'd' && !allowDays) return { ok: false, problem: 'no_days' };
    minutes += Number(num[1]) * MINUTES[word[1]];
    rest = rest.slice(word[0].length).replace(/^[\s.+]*/, '');
  }
  return checked(minutes);
}

function checked(minutes: number): ParsedDuration {
  if (!(minutes > 0)) return { ok: false, problem: 'not_positive' };
  // Fractions that land on whole minutes ("1.5 h") are fine; "0.3 min" is not a target anyone sets.
  if (Math.abs(minutes - Math.round(minutes)) > 1e-9) return { ok: false, problem: 'not_whole' };
  return { ok: true, minutes: Math.round(minutes) };
}

/** Whole days, hours and minutes of a stored value (days only where they are used for input too). */
export function splitDuration(minutes: number, useDays: boolean): Array<[DurationUnit, number]> {
  const parts: Array<[DurationUnit, number]> = [];
  let rest = Math.round(minutes);
  if (useDays && rest >= 1440) {
    parts.push(['d', Math.floor(rest / 1440)]);
    rest %= 1440;
  }
  if (rest >= 60) {
    parts.push(['h', Math.floor(rest / 60)]);
    rest %= 60;
  }
  if (rest > 0 || parts.length === 0) parts.push(['min', rest]);
  return parts;
}
