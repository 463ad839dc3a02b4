import { z } from 'zod';
import { newPersonSchema, personChangeSchema, type NewPerson, type Person, type PersonChange } from '../../../../shared/directory/people';

/** Skills are typed as one comma-separated line. */
export const splitSkills = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);

/** The Add person form: the shared schema, with skills as text. */
export const addPersonFormSchema = newPersonSchema.omit({ skills: true }).extend({ skills: z.string() });
export type AddPersonForm = z.infer<typeof addPersonFormSchema>;
export const toNewPerson = (f: AddPersonForm): NewPerson => ({ ...f, skills: splitSkills(f.skills) });

export const editPersonFormSchema = z.object({ name: z.string(), role: newPersonSchema.shape.role, region: z.string(), calendarId: z.string(), skills: z.string() });
export type EditPersonForm = z.infer<typeof editPersonFormSchema>;
export const toEditForm = (p: Person): EditPersonForm => ({ name: p.name, role: p.role, region: p.region, calendarId: p.calendarId, skills: p.skills.join(', ') });

/** Only what the admin changed is sent; the server validates it with the same schema. */
export function toChange(before: Person, f: EditPersonForm): { ok: true; change: PersonChange } | { ok: false; field: string } | { ok: true; change: undefined } {
  const skills = splitSkills(f.skills);
  const change: Record<string, unknown> = {};
  if (f.name.trim() !== before.name) change.name = f.name;
  if (f.role !== before.role) change.role = f.role;
  if (f.region.trim() !== before.region) change.region = f.region;
  if (f.calendarId !== before.calendarId) change.calendarId = f.calendarId;
  if (skills.join('\n') !== before.skills.join('\n')) change.skills = skills;
  if (Object.keys(change).length === 0) return { ok: true, change: undefined };
  const parsed = personChangeSchema.safeParse(change);
  if (!parsed.success) return { ok: false, field: String(parsed.error.issues[0]?.path[0] ?? 'name') };
  return { ok: true, change: parsed.data };
}
