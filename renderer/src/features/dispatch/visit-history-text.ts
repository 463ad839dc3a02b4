// Visit history lines and ticket timeline entries store who did it as a user id (or "system" for
// the app's own changes) so every device can re-render them; people read names.

/** Who did it, as a person reads it: the name, "System" for the app's own changes, else the id as stored. */
export function actorName(by: string, names: ReadonlyMap<string, string>, systemLabel: string): string {
  return by === 'system' ? systemLabel : (names.get(by) ?? by);
}
