// Times inside finding messages are shown in a named zone so the dispatcher reads the same wall
// time as the engineer's calendar, whatever zone the dispatcher's laptop is in.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let fmt = formats.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formats.set(zone, fmt);
  }
  return fmt;
}

function parts(instant: number, zone: string): { date: string; time: string } {
  const p: Record<string, string> = {};
  for (const part of formatIn(zone).formatToParts(instant)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** "2026-03-24 09:00" in the zone. */
export function formatInstant(instant: number, zone: string): string {
  const { date, time } = parts(instant, zone);
  return `${date} ${time}`;
}

/** "2026-03-24 09:00–11:00 (Europe/Sofia)", or both dates when the range spans midnight. */
export function formatRange(start: number, end: number, zone: string): string {
  const a = parts(start, zone);
  const b = parts(end, zone);
  const tail = a.date === b.date ? b.time : `${b.date} ${b.time}`;
  return `${a.date} ${a.time}–${tail} (${zone})`;
}
