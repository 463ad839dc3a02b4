import { escalationMatrixSchema, type EscalationMatrix } from '../../../../shared/escalation';
import type { Mutate } from '../../app/mutations';

/** Thrown when the store refuses a matrix change (e.g. the user is not an administrator). */
export class MatrixSaveError extends Error {}

/**
 * Stores an admin's matrix as a synced configuration row (config.put@1), replacing any stored one
 * with the same id; every device of the organisation gets it on its next sync.
 */
export async function saveEscalationMatrix(mutate: Mutate, matrix: EscalationMatrix): Promise<void> {
  const valid = escalationMatrixSchema.parse(matrix);
  const r = await mutate('config.put@1', { table: 'escalationMatrices', row: valid });
  if (r.outcome !== 'applied') throw new MatrixSaveError(r.message ?? 'the matrix was not saved');
}

/** Drops the stored edit (config.delete@1) so the shipped preset with that id applies again. */
export async function revertEscalationMatrix(mutate: Mutate, id: string): Promise<void> {
  const r = await mutate('config.delete@1', { table: 'escalationMatrices', id });
  if (r.outcome !== 'applied') throw new MatrixSaveError(r.message ?? 'the matrix was not reverted');
}
