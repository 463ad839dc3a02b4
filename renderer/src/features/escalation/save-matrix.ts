import { escalationMatrixSchema, type EscalationMatrix } from '../../../../shared/escalation';
import type { ServiceDeskDb } from '../../data/db';

/**
 * Stores an admin's matrix, replacing any stored one with the same id, in one transaction.
 * Local only for now: there is no synced config mutation yet (see the escalation report).
 */
export async function saveEscalationMatrix(db: ServiceDeskDb, matrix: EscalationMatrix): Promise<void> {
  const valid = escalationMatrixSchema.parse(matrix);
  await db.transaction('rw', db.escalationMatrices, async () => {
    await db.escalationMatrices.put(valid);
  });
}

/** Drops the stored edit so the shipped preset with that id applies again. */
export async function revertEscalationMatrix(db: ServiceDeskDb, id: string): Promise<void> {
  await db.transaction('rw', db.escalationMatrices, async () => {
    await db.escalationMatrices.delete(id);
  });
}
