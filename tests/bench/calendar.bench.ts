// addBusinessMinutes throughput: ours vs dayjs-business-time and moment-business-time on identical
// inputs, plus the brute-force oracle, and every disagreement classified.
//
// Both libraries compute in the process's local zone, so the bench sets process.env.TZ to the
// calendar's zone (Asia/Shanghai, no DST, so their local-time arithmetic is not at fault) for its
// duration and restores it afterwards. Same hours (Mon–Fri 08:30–17:00), same holidays, same start
// instants (random 2026 instants with seconds and milliseconds) and the same whole-minute amounts.
import { createRequire } from 'node:module';
import dayjs from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import moment from 'moment';
import { addBusinessMinutes, businessMinutesBetween } from '../../shared/sla/index';
import type { BusinessCalendar } from '../../shared/sla/index';
import { referenceAddMinutes } from '../../shared/sla/calendar-reference';

type WorkingMoment = moment.Moment & { addWorkingTime(n: number, unit: 'minutes'): WorkingMoment };

const ZONE = 'Asia/Shanghai';
const HOLIDAYS = ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-05-01', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
const INPUTS = 3000;

function makeCalendar(): BusinessCalendar {
  const h: [string, string][] = [['08:30', '17:00']];
  return { timeZone: ZONE, week: { mon: h, tue: h, wed: h, thu: h, fri: h, sat: [], sun: [] }, overrides: Object.fromEntries(HOLIDAYS.map((d) => [d, []])) };
}

// Deterministic inputs so runs are comparable (mulberry32).
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Input = { start: Date; minutes: number };
function makeInputs(n: number): Input[] {
  const rnd = random(20261121);
  const from = Date.parse('2026-01-01T00:00:00+08:00');
  const span = Date.parse('2026-12-01T00:00:00+08:00') - from;
  return Array.from({ length: n }, () => ({ start: new Date(from + Math.floor(rnd() * span)), minutes: 1 + Math.floor(rnd() * 2400) }));
}

/** Ops/s of `fn` over all inputs, repeated until at least `minMs` has elapsed. */
function measure(inputs: Input[], fn: (i: Input) => number, minMs: number): { opsPerSec: number; results: number[] } {
  let results: number[] = [];
  let ops = 0;
  const t0 = performance.now();
  do {
    results = inputs.map(fn);
    ops += inputs.length;
  } while (performance.now() - t0 < minMs);
  return { opsPerSec: (ops / (performance.now() - t0)) * 1000, results };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const local = (t: number): string => new Date(t + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 23) + ' +08';

/**
 * Classifies the library's answers against ours: exact; a second-precision miss (less than a
 * minute apart: the library lost the start's seconds); or a real disagreement (a minute or more).
 */
function compare(name: string, inputs: Input[], ours: number[], theirs: number[], cal: BusinessCalendar, label: string): void {
  let exact = 0;
  const secondMisses: string[] = [];
  const disagreements: string[] = [];
  inputs.forEach((inp, i) => {
    const a = ours[i] ?? 0;
    const b = theirs[i] ?? 0;
    const line = `start ${local(inp.start.getTime())} +${inp.minutes} min: ours ${local(a)}, theirs ${local(b)} (theirs = ${businessMinutesBetween(inp.start, new Date(b), cal).toFixed(3)} business min)`;
    if (a === b) exact++;
    else if (Math.abs(a - b) < 60_000) secondMisses.push(line);
    else disagreements.push(line);
  });
  console.log(`  ${name}, ${label}: ${exact}/${inputs.length} identical to the ms; ${secondMisses.length} second-precision misses; ${disagreements.length} disagreements of a minute or more`);
  for (const line of secondMisses.slice(0, 3)) console.log(`    second-precision miss: ${line}`);
  for (const line of disagreements.slice(0, 6)) console.log(`    disagreement: ${line}`);
}

// Whole-minute starts, plus the cases where libraries typically slip: deadlines landing exactly on
// closing time, starts on holidays, weekends, before opening and exactly at closing.
function wholeMinuteInputs(inputs: Input[]): Input[] {
  const at = (s: string, minutes: number): Input => ({ start: new Date(s), minutes });
  return [
    ...inputs.map((i) => ({ start: new Date(Math.floor(i.start.getTime() / 60_000) * 60_000), minutes: i.minutes })),
    at('2026-11-23T08:30:00+08:00', 510), at('2026-11-23T16:00:00+08:00', 60), at('2026-11-20T16:59:00+08:00', 1),
    at('2026-11-23T17:00:00+08:00', 30), at('2026-11-21T10:00:00+08:00', 510), at('2026-09-30T16:00:00+08:00', 60),
    at('2026-09-30T16:00:00+08:00', 61), at('2026-10-01T09:00:00+08:00', 15), at('2026-11-23T07:00:00+08:00', 510),
    at('2026-11-23T08:30:00+08:00', 2550),
  ];
}

/** Prints throughput figures and ratios, all measured in this run. */
export async function run(): Promise<void> {
  const previousTz = process.env.TZ;
  process.env.TZ = ZONE;
  try {
    dayjs.extend(dayjsBusinessTime);
    const seg = [{ start: '08:30:00', end: '17:00:00' }];
    dayjs.setBusinessTime({ sunday: null, monday: seg, tuesday: seg, wednesday: seg, thursday: seg, friday: seg, saturday: null });
    dayjs.setHolidays(HOLIDAYS);
    // moment-business-time ships no types and patches moment.prototype when loaded.
    createRequire(import.meta.url)('moment-business-time') as unknown;
    const wh = ['08:30:00', '17:00:00'];
    moment.updateLocale('en', { workinghours: { 0: null, 1: wh, 2: wh, 3: wh, 4: wh, 5: wh, 6: null }, holidays: HOLIDAYS } as moment.LocaleSpecification);

    const cal = makeCalendar();
    const inputs = makeInputs(INPUTS);
    console.log(`  ${INPUTS} inputs: random 2026 instants with seconds and ms, +1..2400 business minutes, ${ZONE}, Mon–Fri 08:30–17:00, ${HOLIDAYS.length} holidays; TZ=${ZONE} for the libraries`);

    // Cold: a fresh calendar object per pass means its per-day interval cache starts empty.
    const coldCal = makeCalendar();
    const cold = measure(inputs, (i) => addBusinessMinutes(i.start, i.minutes, coldCal).getTime(), 0);
    const ours = measure(inputs, (i) => addBusinessMinutes(i.start, i.minutes, cal).getTime(), 1500);
    // A caller that rebuilds the calendar object every call (e.g. parsed from storage) pays validation
    // and per-day interval building each time; only the per-zone caches help.
    const rebuilt = measure(inputs, (i) => addBusinessMinutes(i.start, i.minutes, makeCalendar()).getTime(), 1500);
    const dj = measure(inputs, (i) => dayjs(i.start).addBusinessMinutes(i.minutes).valueOf(), 1500);
    const mo = measure(inputs, (i) => (moment(i.start) as WorkingMoment).addWorkingTime(i.minutes, 'minutes').valueOf(), 1500);
    const refInputs = inputs.slice(0, 300);
    const ref = measure(refInputs, (i) => referenceAddMinutes(i.start, i.minutes, cal).getTime(), 0);

    console.log(`  ours (warm caches)          ${fmt(ours.opsPerSec).padStart(10)} ops/s`);
    console.log(`  ours (first pass, cold cal) ${fmt(cold.opsPerSec).padStart(10)} ops/s`);
    console.log(`  ours (new calendar per call)${fmt(rebuilt.opsPerSec).padStart(10)} ops/s`);
    console.log(`  dayjs-business-time         ${fmt(dj.opsPerSec).padStart(10)} ops/s   ours is ${(ours.opsPerSec / dj.opsPerSec).toFixed(1)}x (cold ${(cold.opsPerSec / dj.opsPerSec).toFixed(1)}x, new calendar per call ${(rebuilt.opsPerSec / dj.opsPerSec).toFixed(1)}x)`);
    console.log(`  moment-business-time        ${fmt(mo.opsPerSec).padStart(10)} ops/s   ours is ${(ours.opsPerSec / mo.opsPerSec).toFixed(1)}x (cold ${(cold.opsPerSec / mo.opsPerSec).toFixed(1)}x, new calendar per call ${(rebuilt.opsPerSec / mo.opsPerSec).toFixed(1)}x)`);
    console.log(`  brute force (minute steps)  ${fmt(ref.opsPerSec).padStart(10)} ops/s   ours is ${(ours.opsPerSec / ref.opsPerSec).toFixed(0)}x (first ${refInputs.length} inputs)`);

    const refMismatch = refInputs.filter((_, i) => ref.results[i] !== ours.results[i]).length;
    console.log(`  ours vs brute force: ${refInputs.length - refMismatch}/${refInputs.length} identical to the ms`);
    const coldMismatch = inputs.filter((_, i) => cold.results[i] !== ours.results[i] || rebuilt.results[i] !== ours.results[i]).length;
    if (coldMismatch > 0) console.log(`  WARNING: cold, rebuilt and warm results differ on ${coldMismatch} inputs`);
    compare('dayjs-business-time', inputs, ours.results, dj.results, cal, 'starts with seconds');
    compare('moment-business-time', inputs, ours.results, mo.results, cal, 'starts with seconds');

    const whole = wholeMinuteInputs(inputs);
    const oursWhole = whole.map((i) => addBusinessMinutes(i.start, i.minutes, cal).getTime());
    compare('dayjs-business-time', whole, oursWhole, whole.map((i) => dayjs(i.start).addBusinessMinutes(i.minutes).valueOf()), cal, 'whole-minute starts');
    compare('moment-business-time', whole, oursWhole, whole.map((i) => (moment(i.start) as WorkingMoment).addWorkingTime(i.minutes, 'minutes').valueOf()), cal, 'whole-minute starts');
    const wholeRef = whole.slice(-10).filter((i) => referenceAddMinutes(i.start, i.minutes, cal).getTime() !== addBusinessMinutes(i.start, i.minutes, cal).getTime());
    console.log(`  ours vs brute force on the 10 edge cases: ${10 - wholeRef.length}/10 identical`);
  } finally {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  }
}
