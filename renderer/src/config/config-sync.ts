import { create } from 'zustand';
import type { ServiceDeskDb } from '../data/db';
import { affectedPolicyIds } from './affected-policies';
import { getConfig, useConfigStore } from './config-store';
import { parseConfigRows, parseContractRows, type ConfigRowProblem, type StoredContractRows } from './config-rows';
import { recomputeDueAt, type RecomputeOptions } from './recompute-due';

/** What the overlay could not use, and whether deadlines are being recomputed after a change. */
export type ConfigSyncStatus = { invalid: ConfigRowProblem[]; recomputing: boolean; lastRecomputed?: { tickets: number; at: number }; error?: string };

export const useConfigSyncStatus = create<ConfigSyncStatus>(() => ({ invalid: [], recomputing: false }));

export type ConfigSync = {
  /** Overlays the stored rows on the presets, then queues the affected open tickets for a dueAt recompute. */
  apply: (policyRows: readonly unknown[], calendarRows: readonly unknown[], contractRows?: StoredContractRows) => { invalid: ConfigRowProblem[]; affected: Set<string> };
  /** Resolves once every queued recompute has finished (tests, shutdown). */
  idle: () => Promise<void>;
};

/** The overlay for one store; recomputes run one after another so the last config always wins. */
export function createConfigSync(db: ServiceDeskDb, options: RecomputeOptions = {}): ConfigSync {
  let pending = new Set<string>();
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  // Several components may mount the hook; the same rows again change nothing.
  let lastRows: string | undefined;
  let lastContractRows: string | undefined;

  const drain = async (): Promise<void> => {
    busy = true;
    useConfigSyncStatus.setState({ recomputing: true });
    try {
      while (pending.size > 0) {
        const batch = pending;
        pending = new Set();
        const tickets = await recomputeDueAt(db, batch, options);
        useConfigSyncStatus.setState({ lastRecomputed: { tickets, at: Date.now() }, error: undefined });
      }
    } catch (e) {
      // A failed recompute leaves old dueAt values (queue order only); say so instead of hiding it.
      const message = e instanceof Error ? e.message : String(e);
      console.error('config: dueAt recompute failed', e);
      useConfigSyncStatus.setState({ error: message });
    } finally {
      busy = false;
      useConfigSyncStatus.setState({ recomputing: false });
    }
  };

  return {
    apply(policyRows, calendarRows, contractRows) {
      const rowsKey = JSON.stringify([policyRows, calendarRows]);
      const contractKey = contractRows ? JSON.stringify(contractRows) : lastContractRows;
      if (rowsKey === lastRows && contractKey === lastContractRows) return { invalid: useConfigSyncStatus.getState().invalid, affected: new Set<string>() };
      const contractsChanged = contractKey !== lastContractRows;
      lastRows = rowsKey;
      lastContractRows = contractKey;
      const parsed = parseConfigRows(policyRows, calendarRows);
      const customerSide = contractRows ? parseContractRows(contractRows) : undefined;
      const invalid = [...parsed.invalid, ...(customerSide?.invalid ?? [])];
      if (invalid.length > 0) console.warn('config: stored rows ignored', invalid);
      const prev = getConfig();
      useConfigStore.getState().replace(parsed.policies, parsed.calendars, customerSide?.rows);
      const affected = affectedPolicyIds(prev, getConfig());
      // A contract, site or customer change can move any ticket's deadlines: re-key them all.
      if (contractsChanged && customerSide) for (const id of getConfig().policies.keys()) affected.add(id);
      useConfigSyncStatus.setState({ invalid });
      for (const id of affected) pending.add(id);
      if (pending.size > 0 && !busy) running = drain();
      return { invalid, affected };
    },
    idle: async () => {
      while (busy || pending.size > 0) await running;
    },
  };
}
