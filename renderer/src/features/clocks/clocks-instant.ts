/**
 * How far ahead of the minute tick a ticket's last write may be and still move its clocks. A write
 * made on this device lands within the current minute; a later stamp comes from a device whose clock
 * runs ahead, and following it would show that device's future.
 */
const maxLead = 5 * 60_000;

/**
 * The instant a ticket's clocks are computed at: the minute tick, or the ticket's last write when that
 * is newer, so that a fact just recorded (customer updated, visit requested) counts at once instead of
 * waiting for the next minute.
 */
export function clocksInstant(minute: number, updatedAt: number | undefined): number {
  if (updatedAt === undefined || updatedAt <= minute || updatedAt - minute > maxLead) return minute;
  return updatedAt;
}
