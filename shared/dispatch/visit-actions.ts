// The actions that move a visit through its workflow. One zod schema per action so the same
// shape validates a form, an IPC payload and a synced mutation.
import { z } from 'zod';
import { instantSchema } from '../ticket/schema';
import { inspectionReportSchema, visitWindowSchema } from './visit-schema';

const reasonSchema = z.string().trim().min(1, 'a reason is required');

export const visitActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('schedule'),
    engineerId: z.string().min(1),
    window: visitWindowSchema,
    travelBufferMinutes: z.number().int().nonnegative().max(24 * 60).optional(),
    /** True only where the booking is already authoritative (the server); devices book tentatively. */
    confirmed: z.boolean().default(false),
  }),
  z.object({ type: z.literal('confirm_booking') }),
  z.object({
    type: z.literal('reschedule'),
    window: visitWindowSchema,
    engineerId: z.string().min(1).optional(),
    travelBufferMinutes: z.number().int().nonnegative().max(24 * 60).optional(),
    reason: reasonSchema,
    confirmed: z.boolean().default(false),
  }),
  z.object({ type: z.literal('cancel'), reason: reasonSchema }),
  /**
   * `at` on en route, arrival and departure: when it happened on the engineer's device (the app
   * stamps its clock; an engineer who recorded late gives the real time). A device that records
   * offline syncs later; without `at` the server would stamp its own, later time.
   */
  z.object({ type: z.literal('en_route'), at: instantSchema.optional() }),
  z.object({ type: z.literal('arrive'), at: instantSchema.optional() }),
  z.object({ type: z.literal('add_work_note'), text: z.string().trim().min(1, 'the work note is empty').max(20_000) }),
  z.object({ type: z.literal('depart'), at: instantSchema.optional() }),
  z.object({
    type: z.literal('report'),
    found: z.string().trim().min(1, 'say what was found'),
    done: z.string().trim().min(1, 'say what was done'),
    followUp: z.string().default(''),
  }),
  z.object({
    type: z.literal('confirm'),
    name: z.string().trim().min(1, 'the name of the person confirming is required'),
    text: z.string().default(''),
    confirmed: z.boolean(),
  }),
  z.object({ type: z.literal('inspection_report'), report: inspectionReportSchema }),
  z.object({ type: z.literal('submit') }),
]);
export type VisitAction = z.input<typeof visitActionSchema>;
export type ParsedVisitAction = z.output<typeof visitActionSchema>;
export type VisitActionType = VisitAction['type'];
