// The on-site visit: one engineer, one site, one time window.
// A visit is its own entity (not a ticket field) because installations, trainings and periodic
// inspections have no ticket, and one fault may need several visits.
import { z } from 'zod';
import { isValidTimeZone } from '../sla/calendar-validate';
import { instantSchema } from '../ticket/schema';

export const visitKinds = ['fault', 'installation', 'training', 'inspection'] as const;
export const visitKindSchema = z.enum(visitKinds);
export type VisitKind = z.infer<typeof visitKindSchema>;

export const visitReasons = ['online_window_expired', 'requested_by_hand', 'installation', 'training', 'periodic_inspection'] as const;
export const visitReasonSchema = z.enum(visitReasons);
export type VisitReason = z.infer<typeof visitReasonSchema>;

/**
 * `tentative`: booked on a device that has not yet heard back from the server (offline booking);
 * the server's confirmation (or a clash found at sync) decides.
 */
export const visitStatuses = ['unscheduled', 'tentative', 'confirmed', 'en_route', 'arrived', 'departed', 'completed', 'cancelled'] as const;
export const visitStatusSchema = z.enum(visitStatuses);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

/** A half-open time window [start, end) in epoch ms. */
export const visitWindowSchema = z
  .object({ start: instantSchema, end: instantSchema })
  .refine((w) => w.end > w.start, { message: 'the visit window must end after it starts' });
export type VisitWindow = z.infer<typeof visitWindowSchema>;

export const visitSiteSchema = z.object({
  address: z.string().trim().default(''),
  timeZone: z.string().refine(isValidTimeZone, { message: 'the site time zone must be an IANA name such as "Europe/Sofia"' }),
});
export type VisitSite = z.infer<typeof visitSiteSchema>;

export const partStates = ['checked_out', 'used', 'returned'] as const;
export const partLineSchema = z.object({
  partId: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().positive(),
  state: z.enum(partStates),
});
export type PartLine = z.infer<typeof partLineSchema>;

export const workNoteSchema = z.object({ at: instantSchema, by: z.string().min(1), text: z.string().trim().min(1).max(20_000) });
export type WorkNote = z.infer<typeof workNoteSchema>;

export const visitReportSchema = z.object({
  found: z.string().trim().min(1, 'say what was found'),
  done: z.string().trim().min(1, 'say what was done'),
  /** Copied from the parts lines in state `used` when the visit is submitted. */
  partsUsed: z.array(z.object({ partId: z.string(), name: z.string(), quantity: z.number().int().positive() })).default([]),
  followUp: z.string().default(''),
});
export type VisitReport = z.infer<typeof visitReportSchema>;

export const customerConfirmationSchema = z.object({
  name: z.string().trim().min(1, 'the name of the person confirming is required'),
  text: z.string().default(''),
  confirmed: z.boolean(),
  at: instantSchema,
});
export type CustomerConfirmation = z.infer<typeof customerConfirmationSchema>;

export const inspectionReportSchema = z.object({
  items: z.array(z.object({ item: z.string().trim().min(1), ok: z.boolean(), note: z.string().default('') })).default([]),
  summary: z.string().trim().min(1, 'the inspection summary is required'),
});
export type InspectionReport = z.infer<typeof inspectionReportSchema>;

/** One line of the visit's own history (who scheduled, moved, cancelled it and why). */
export const visitHistoryEntrySchema = z.object({ at: instantSchema, by: z.string().min(1), action: z.string().min(1), detail: z.string().default('') });
export type VisitHistoryEntry = z.infer<typeof visitHistoryEntrySchema>;

export const visitSchema = z.object({
  id: z.string().min(1),
  /** Absent for installations, trainings and inspections that are not about a fault. */
  ticketId: z.string().min(1).optional(),
  customerId: z.string().min(1),
  kind: visitKindSchema,
  reason: visitReasonSchema,
  /** Product line of the ticket or installed product; the skill check uses it. */
  productLine: z.string().optional(),
  /** Region of the customer; the region check uses it. */
  region: z.string().optional(),
  engineerId: z.string().min(1).optional(),
  /** Absent while unscheduled. Kept when cancelled so the calendar entry can be cancelled. */
  window: visitWindowSchema.optional(),
  site: visitSiteSchema,
  status: visitStatusSchema,
  /** The latest acceptable arrival (from the ticket's on-site clock or `arrivalDeadline`). */
  arrivalDeadline: instantSchema.optional(),
  /** Travel time blocked on the engineer's board before the window starts. */
  travelBufferMinutes: z.number().int().nonnegative().max(24 * 60).default(0),
  parts: z.array(partLineSchema).default([]),
  enRouteAt: instantSchema.optional(),
  arrivedAt: instantSchema.optional(),
  departedAt: instantSchema.optional(),
  workNotes: z.array(workNoteSchema).default([]),
  report: visitReportSchema.optional(),
  customerConfirmation: customerConfirmationSchema.optional(),
  inspectionReport: inspectionReportSchema.optional(),
  /** Set by `submit`; from then on the visit is read-only. */
  submittedAt: instantSchema.optional(),
  /** iCalendar SEQUENCE: bumped on every change of time, engineer or booking status. */
  sequence: z.number().int().nonnegative().default(0),
  cancelReason: z.string().optional(),
  /** For periodic inspections: the contract and the local due date "YYYY-MM-DD" this visit covers. */
  contractId: z.string().optional(),
  dueDate: z.string().optional(),
  history: z.array(visitHistoryEntrySchema).default([]),
  createdAt: instantSchema,
  createdBy: z.string().default(''),
  updatedAt: instantSchema,
  updatedBy: z.string().default(''),
});
export type Visit = z.infer<typeof visitSchema>;
/** What callers supply to create a visit; defaults fill the rest. */
export type VisitInput = z.input<typeof visitSchema>;
