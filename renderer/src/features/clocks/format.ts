type Unit = 'day' | 'hour' | 'minute';
const unitFormats = new Map<string, Intl.NumberFormat>();

// Building an Intl.NumberFormat costs far more than formatting with one, and every clock chip of
// every visible row formats each minute: keep one per language and unit.
function unitFormat(locale: string, unit: Unit): Intl.NumberFormat {
  const key = `${locale}|${unit}`;
  let f = unitFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' });
    unitFormats.set(key, f);
  }
  return f;
}

/** "2 h 15 min" / "−35 min" in the UI language, for a clock's remaining business or elapsed minutes. */
export function formatMinutes(minutes: number, locale: string): string {
  const sign = minutes < 0 ? '−' : '';
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const unit = (value: number, u: Unit) => unitFormat(locale, u).format(value);
  const parts = days > 0 ? [unit(days, 'day'), hours > 0 ? unit(hours, 'hour') : ''] : hours > 0 ? [unit(hours, 'hour'), mins > 0 ? unit(mins, 'minute') : ''] : [unit(mins, 'minute')];
  return sign + parts.filter(Boolean).join(' ');
}

export type Urgency = 'breached' | 'warning' | 'ok' | 'done' | 'paused';

/** The colour class of a clock: breached, past a warning threshold, fine, finished or paused. */
export function clockUrgency(c: { state: string; thresholdsCrossed: number[] }): Urgency {
  if (c.state === 'breached') return 'breached';
  if (c.state === 'met') return 'done';
  if (c.state === 'paused') return 'paused';
  if (c.thresholdsCrossed.length > 0) return 'warning';
  return 'ok';
}
