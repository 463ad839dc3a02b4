// The report period: presets relative to now, or whole local days picked by the user.
export const periodPresets = ['last7', 'last30', 'last90', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export type Period = { from?: number | undefined; to?: number | undefined };

const DAY_MS = 86_400_000;

/** Local midnight of a "YYYY-MM-DD" date input value; undefined when empty or invalid. */
export function localMidnight(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? undefined : d.getTime();
}

/**
 * The [from, to) range of a period: presets run from n days ago up to now (open end, so breaches
 * up to now count); a custom period covers whole local days, both ends included.
 */
export function periodRange(preset: PeriodPreset, now: number, customFrom: string, customTo: string): Period {
  switch (preset) {
    case 'last7': return { from: now - 7 * DAY_MS };
    case 'last30': return { from: now - 30 * DAY_MS };
    case 'last90': return { from: now - 90 * DAY_MS };
    case 'custom': {
      const from = localMidnight(customFrom);
      const toDay = localMidnight(customTo);
      // The day after the last day, via the calendar so a DST change that day does not cut it short.
      const to = toDay === undefined ? undefined : new Date(new Date(toDay).setDate(new Date(toDay).getDate() + 1)).getTime();
      return { from, to };
    }
  }
}

/** An explanation key when the custom period is unusable, else undefined. */
export function periodProblem(p: Period): 'periodOrder' | undefined {
  return p.from !== undefined && p.to !== undefined && p.from >= p.to ? 'periodOrder' : undefined;
}
