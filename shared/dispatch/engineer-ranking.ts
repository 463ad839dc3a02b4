// Which engineer to propose for a visit in a given slot. The order is lexicographic on facts a
// dispatcher can check (free, trained, in region, in working hours, close by, least loaded) rather
// than a weighted score: every place in the list is explained by the first fact that differs.
import type { Engineer } from '../directory/schema';
import type { BusinessCalendar } from '../sla';
import type { Instant } from '../ticket/schema';
import { bookingCandidateFor, checkBooking, isBookingBlocked, type BookingFinding } from './booking-checks';
import type { Visit, VisitWindow } from './visit-schema';

/** How far the engineer likely travels: already at that site that day, living in the site's zone, in its region, or further. */
export type TravelEstimate = 'same_site' | 'same_zone' | 'same_region' | 'far';
const travelOrder: Record<TravelEstimate, number> = { same_site: 0, same_zone: 1, same_region: 2, far: 3 };

export type EngineerFacts = {
  /** No overlap with the engineer's other visits (travel included) and the slot is not in the past. */
  free: boolean;
  /** Trained on the visit's product line; undefined when the visit names none. */
  skilled?: boolean;
  /** Works in the customer's region; undefined when the visit names none. */
  inRegion?: boolean;
  /** The whole window lies in the engineer's working hours. */
  inHours: boolean;
  travel: TravelEstimate;
  /** Minutes already booked for the engineer on the slot's day (in the engineer's zone). */
  bookedMinutes: number;
};

export type EngineerRanking = { engineer: Pick<Engineer, 'id' | 'name'>; facts: EngineerFacts; findings: BookingFinding[] };

export type RankingInput = {
  visit: Visit;
  window: VisitWindow;
  travelBufferMinutes: number;
  /** Candidates with their calendars; one without a loaded calendar cannot be checked and is left out. */
  engineers: ReadonlyArray<{ engineer: Pick<Engineer, 'id' | 'name' | 'region' | 'skills'>; calendar: BusinessCalendar | undefined }>;
  visits: readonly Visit[];
  now: Instant;
  /** The live arrival deadline, when known (else the visit's stored one). */
  deadline?: Instant;
};

const MINUTE = 60_000;
const DAY = 86_400_000;

function localDay(instant: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

function othersThatDay(engineerId: string, visit: Visit, window: VisitWindow, zone: string, visits: readonly Visit[]): Visit[] {
  const day = localDay(window.start, zone);
  return visits.filter(
    (v) => v.id !== visit.id && v.engineerId === engineerId && v.window !== undefined && v.status !== 'cancelled' && v.status !== 'unscheduled' &&
      Math.abs(v.window.start - window.start) < 2 * DAY && localDay(v.window.start, zone) === day,
  );
}

function travelFor(visit: Visit, others: readonly Visit[], calendar: BusinessCalendar, inRegion: boolean | undefined): TravelEstimate {
  const address = visit.site.address.trim().toLowerCase();
  if (address !== '' && others.some((v) => v.site.address.trim().toLowerCase() === address)) return 'same_site';
  if (calendar.timeZone === visit.site.timeZone) return 'same_zone';
  return inRegion === true ? 'same_region' : 'far';
}

function factsOf(input: RankingInput, e: RankingInput['engineers'][number] & { calendar: BusinessCalendar }): EngineerRanking {
  const candidate = bookingCandidateFor(input.visit, e.engineer.id, input.window, input.travelBufferMinutes);
  if (input.deadline !== undefined) candidate.arrivalDeadline = input.deadline;
  const findings = checkBooking(candidate, { engineer: e.engineer, engineerCalendar: e.calendar, visits: input.visits, now: input.now });
  const line = input.visit.productLine;
  const region = input.visit.region;
  const inRegion = region ? e.engineer.region === region : undefined;
  const others = othersThatDay(e.engineer.id, input.visit, input.window, e.calendar.timeZone, input.visits);
  const facts: EngineerFacts = {
    free: !isBookingBlocked(findings) && !findings.some((f) => f.code === 'overlap' || f.code === 'in_the_past'),
    ...(line ? { skilled: e.engineer.skills.includes(line) } : {}),
    ...(inRegion !== undefined ? { inRegion } : {}),
    inHours: !findings.some((f) => f.code === 'outside_working_hours'),
    travel: travelFor(input.visit, others, e.calendar, inRegion),
    bookedMinutes: others.reduce((sum, v) => sum + (v.window ? (v.window.end - v.window.start) / MINUTE + v.travelBufferMinutes : 0), 0),
  };
  return { engineer: { id: e.engineer.id, name: e.engineer.name }, facts, findings };
}

/** Negative when `a` is the better proposal; the first fact that differs decides. */
export function compareRankings(a: EngineerRanking, b: EngineerRanking): number {
  const yes = (x: boolean | undefined) => (x === false ? 1 : 0);
  return (
    yes(a.facts.free) - yes(b.facts.free) ||
    yes(a.facts.skilled) - yes(b.facts.skilled) ||
    yes(a.facts.inRegion) - yes(b.facts.inRegion) ||
    yes(a.facts.inHours) - yes(b.facts.inHours) ||
    travelOrder[a.facts.travel] - travelOrder[b.facts.travel] ||
    a.facts.bookedMinutes - b.facts.bookedMinutes ||
    a.engineer.name.localeCompare(b.engineer.name, 'en') ||
    (a.engineer.id < b.engineer.id ? -1 : a.engineer.id > b.engineer.id ? 1 : 0)
  );
}

/** Every engineer with a loaded calendar, best proposal first, each with the facts that placed it. */
export function rankEngineers(input: RankingInput): EngineerRanking[] {
  if (!(input.window.end > input.window.start)) throw new RangeError('the visit window must end after it starts');
  const checkable = input.engineers.filter((e): e is typeof e & { calendar: BusinessCalendar } => e.calendar !== undefined);
  return checkable.map((e) => factsOf(input, e)).sort(compareRankings);
}
