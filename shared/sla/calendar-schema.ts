// zod schemas for calendars as data (presets, forms, IPC). Same rules and messages as the runtime
// check in calendar-validate.ts, with each problem reported at the path of the offending day.
import { z } from 'zod';
import { weekdays } from './calendar-types';
import type { BusinessCalendar, TimeRange } from './calendar-types';
import { dayRangeIssues, isValidTimeZone, parseIsoDate } from './calendar-validate';

const timeRangeSchema = z.tuple([z.string(), z.string()]);

const dayRangesSchema = z.array(timeRangeSchema);

function checkDay(label: string, ranges: TimeRange[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  for (const message of dayRangeIssues(label, ranges)) ctx.addIssue({ code: 'custom', message, path });
}

/** A BusinessCalendar: IANA zone known to Intl, "HH:MM" ranges sorted and non-overlapping per day. */
export const businessCalendarSchema = z
  .object({
    timeZone: z.string().superRefine((zone, ctx) => {
      if (!isValidTimeZone(zone)) {
        ctx.addIssue({ code: 'custom', message: `invalid time zone "${zone}" (expected an IANA name such as "Asia/Shanghai")` });
      }
    }),
    week: z.object({
      sun: dayRangesSchema, mon: dayRangesSchema, tue: dayRangesSchema, wed: dayRangesSchema,
      thu: dayRangesSchema, fri: dayRangesSchema, sat: dayRangesSchema,
    }),
    overrides: z.record(z.string(), dayRangesSchema).optional(),
  })
  .superRefine((cal, ctx) => {
    for (const day of weekdays) checkDay(day, cal.week[day], ctx, ['week', day]);
    for (const [date, ranges] of Object.entries(cal.overrides ?? {})) {
      if (parseIsoDate(date) === undefined) {
        ctx.addIssue({ code: 'custom', message: `override "${date}": not a valid "YYYY-MM-DD" date`, path: ['overrides', date] });
      }
      checkDay(`override ${date}`, ranges, ctx, ['overrides', date]);
    }
  }) satisfies z.ZodType<BusinessCalendar>;

/** A named calendar shipped in resources/presets/calendars (or saved by a user). */
export const calendarPresetSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case (a-z, 0-9, "-")'),
  name: z.string().min(1),
  /** Where the dates come from and what is provisional. */
  note: z.string().optional(),
  calendar: businessCalendarSchema,
});
export type CalendarPreset = z.infer<typeof calendarPresetSchema>;
