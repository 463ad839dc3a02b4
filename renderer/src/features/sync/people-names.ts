// Conflict records carry user ids (stable, language-neutral); people read names. The directory
// (engineers table: every user of the organisation) maps one to the other on the device.

/** Replaces every known user id in `text` with that person's name; unknown ids stay as they are. */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0 || text === '') return text;
  let out = text;
  // Longest ids first, so an id that is a prefix of another never cuts it.
  for (const id of [...names.keys()].sort((a, b) => b.length - a.length)) if (id && out.includes(id)) out = out.split(id).join(names.get(id) ?? id);
  return out;
}

/** id -> display name from directory rows (name, else e-mail, else the id). */
export function namesOf(people: ReadonlyArray<Record<string, unknown>>): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of people) {
    const id = typeof p.id === 'string' ? p.id : '';
    if (!id) continue;
    const name = typeof p.name === 'string' && p.name.trim() ? p.name : typeof p.email === 'string' && p.email ? p.email : id;
    m.set(id, name);
  }
  return m;
}
