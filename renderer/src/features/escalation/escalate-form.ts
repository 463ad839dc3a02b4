import { z } from 'zod';

/** The manual escalation form: the level (1-based, from a radio), what was tried, the ask. */
export const escalateFormSchema = z.object({
  level: z.string().regex(/^[1-9]\d*$/, 'choose a level'),
  tried: z.string().max(20_000),
  ask: z.string().max(20_000),
});
export type EscalateForm = z.infer<typeof escalateFormSchema>;
