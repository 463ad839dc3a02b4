import { runMutation, MutationInputError, type ServiceDeskDb } from '../../data';
import { syncScope } from '../../data/db';
import type { ImportStep } from './config-bundle';

export type ConfigImportOutcome = { ok: true; stored: number } | { ok: false; step: ImportStep; message: string };

class StepRefused extends Error {
  constructor(
    readonly step: ImportStep,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Stores a configuration file's items all together or not at all: every config.put runs inside
 * one Dexie transaction, and the first refusal (e.g. the user is no longer an administrator)
 * rolls back the items already written, so a half-imported configuration never exists.
 */
export async function storeConfigAtomically(db: ServiceDeskDb, steps: readonly ImportStep[]): Promise<ConfigImportOutcome> {
  try {
    return await db.transaction('rw', syncScope(db), async () => {
      for (const step of steps) {
        try {
          const r = await runMutation(db, 'config.put@1', { table: step.table, row: step.row });
          if (r.outcome !== 'applied') throw new StepRefused(step, r.message ?? r.outcome);
        } catch (e) {
          if (e instanceof MutationInputError) throw new StepRefused(step, e.message);
          throw e;
        }
      }
      return { ok: true as const, stored: steps.length };
    });
  } catch (e) {
    if (e instanceof StepRefused) return { ok: false, step: e.step, message: e.message };
    throw e;
  }
}
