/**
 * Labels for values the app stores by id and a policy may define: priorities and severity levels.
 * The policies we ship use the ids below; a label from the catalogue makes them read naturally in
 * every language. An id an administrator invented ("P1", "3") has no catalogue entry and is shown
 * as written, which is what they typed.
 */
export const knownPriorityIds = ['critical', 'high', 'medium', 'normal', 'low'] as const;

/** Severity level ids that are words rather than numbers. */
export const namedSeverityIds = ['edown', 'critical', 'major', 'minor'] as const;

type Translate = (key: string, options?: Record<string, unknown>) => string;

const priorityIds: ReadonlySet<string> = new Set(knownPriorityIds);
const severityIds: ReadonlySet<string> = new Set(namedSeverityIds);

/** The priority as people read it: "高" for `high`, "P1" for an id the policy invented. */
export function priorityText(t: Translate, id: string): string {
  return priorityIds.has(id) ? t(`priority.${id}`) : id;
}

/** The severity level as people read it: "E-Down" for `edown`, "Значителна" for `major`, "2" for 2. */
export function severityText(t: Translate, id: string): string {
  return severityIds.has(id) ? t(`severityId.${id}`) : id;
}

/** The ticket fields a sync conflict can be about, by the name the sync records. */
export const conflictFields = ['ownerId', 'priority', 'severity', 'title', 'description', 'contactName', 'contactEmail', 'contactPhone', 'productVersion', '_mutation', 'visitWindow', 'visitEngineer', 'booking', 'config'] as const;
const conflictFieldIds: ReadonlySet<string> = new Set(conflictFields);

/**
 * What a conflict is about, in words. Sync records the field by its internal name ("ownerId",
 * "visit:<id>:window", "booking:<id>", "policies/<id>"); people read "Owner", "Visit time".
 */
export function conflictFieldText(t: Translate, field: string): string {
  const id = field.startsWith('booking:')
    ? 'booking'
    : field.startsWith('visit:')
      ? field.endsWith(':window')
        ? 'visitWindow'
        : 'visitEngineer'
      : field.includes('/')
        ? 'config'
        : field;
  return conflictFieldIds.has(id) ? t(`conflictField.${id}`) : field;
}

/** A recorded conflict value in words: a priority or severity id by its label, a user id by the person's name. */
export function conflictValueText(t: Translate, field: string, value: string, names: ReadonlyMap<string, string>): string {
  if (field === 'priority') return priorityText(t, value);
  if (field === 'severity') return severityText(t, value);
  return names.get(value) ?? value;
}
