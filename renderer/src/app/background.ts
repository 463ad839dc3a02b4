// The kernel's background work: jobs that must run whatever screen shows (the SLA watch, automatic
// escalation, automatic fault visits, config sync, the report warm-up). They are started once
// when the app starts, here and not by components, so no screen, re-render or React tree decides
// whether they run; a reload starts them again from the stored data.
import { liveQuery } from 'dexie';
import type { ServiceDeskDb } from '../data/db';
import type { Host } from '../host/host';
import type { Mutate } from './mutations';
import type { SyncController } from './sync-controller';

/** What a background service works with: the same store, host, sync and mutations the screens use. */
export type BackgroundContext = { db: ServiceDeskDb; host: Host; sync: SyncController; mutate: Mutate };

/** A job that runs from `start` until the function `start` returned is called. */
export type BackgroundService = { name: string; start: (ctx: BackgroundContext) => () => void };

export type RunningServices = {
  /** The names of the services running, in start order. */
  running: () => readonly string[];
  /** Stops every service (in reverse start order); safe to call twice. */
  stop: () => void;
};

/**
 * Starts each service in order. One that fails to start is reported and left out: the others
 * (alerts above all) keep running.
 */
export function startBackground(ctx: BackgroundContext, services: readonly BackgroundService[]): RunningServices {
  const started: { name: string; stop: () => void }[] = [];
  for (const s of services) {
    try {
      started.push({ name: s.name, stop: s.start(ctx) });
    } catch (e) {
      console.error(`background service ${s.name} did not start: ${String(e)}`);
    }
  }
  return {
    running: () => started.map((s) => s.name),
    stop: () => {
      for (const s of started.splice(0).reverse()) {
        try {
          s.stop();
        } catch (e) {
          console.error(`background service ${s.name} did not stop cleanly: ${String(e)}`);
        }
      }
    },
  };
}

/**
 * Runs a store query now and again whenever a table it read changes (Dexie live query), handing
 * each result to `onValue`; the returned function stops it. Errors are logged, never thrown.
 */
export function watchQuery<T>(name: string, query: () => Promise<T>, onValue: (value: T) => void): () => void {
  const sub = liveQuery(query).subscribe({ next: onValue, error: (e: unknown) => console.error(`${name}: ${String(e)}`) });
  return () => sub.unsubscribe();
}
