import { escalationMatrixSchema, type EscalationMatrix } from '../../../../shared/escalation';
import type { ServiceDeskDb } from '../../data/db';

// The shipped matrices travel inside the bundle: escalation must work on first start, offline.
const presetFiles = import.meta.glob<unknown>('../../../../resources/presets/escalation/*.json', { eager: true, import: 'default' });

export const presetEscalationMatrices: EscalationMatrix[] = Object.values(presetFiles).map((raw) => escalationMatrixSchema.parse(raw));

/** A stored matrix row that no longer validates (kept out of use, shown in Settings). */
export type InvalidMatrixRow = { id: string; message: string };

export type MatrixOverlay = { matrices: EscalationMatrix[]; storedIds: Set<string>; invalid: InvalidMatrixRow[] };

/** Presets first, then the admins' stored matrices; a stored matrix replaces the preset with the same id. */
export function overlayMatrices(presets: readonly EscalationMatrix[], rows: readonly unknown[]): MatrixOverlay {
  const byId = new Map(presets.map((m) => [m.id, m]));
  const storedIds = new Set<string>();
  const invalid: InvalidMatrixRow[] = [];
  for (const row of rows) {
    const parsed = escalationMatrixSchema.safeParse(row);
    if (parsed.success) {
      byId.set(parsed.data.id, parsed.data);
      storedIds.add(parsed.data.id);
    } else {
      const id = typeof row === 'object' && row !== null && 'id' in row ? String(row.id) : '?';
      invalid.push({ id, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'matrix'}: ${i.message}`).join('; ') });
    }
  }
  return { matrices: [...byId.values()], storedIds, invalid };
}

/** The matrices in force, read once (for timers and bulk actions outside a live query). */
export async function loadEscalationMatrices(db: ServiceDeskDb): Promise<EscalationMatrix[]> {
  return overlayMatrices(presetEscalationMatrices, await db.escalationMatrices.toArray()).matrices;
}
