import type { IpcEvent, IpcEventPayload } from '../../../shared/ipc';

type Listener<E extends IpcEvent> = (payload: IpcEventPayload<E>) => void;
type Held = { [E in IpcEvent]: { event: E; payload: IpcEventPayload<E> } }[IpcEvent];

/**
 * In-page event fan-out for the web host (the Electron host gets events from the bridge). Like
 * main, it can hold events until the page has subscribed (its first watch list) so that alerts
 * fired at start-up are not lost.
 */
export function createEventHub(options: { held?: boolean } = {}) {
  const listeners = new Map<IpcEvent, Set<(payload: never) => void>>();
  let held = options.held ?? false;
  const queue: Held[] = [];
  const deliver = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void => {
    for (const l of listeners.get(event) ?? []) (l as Listener<E>)(payload);
  };
  return {
    on<E extends IpcEvent>(event: E, listener: Listener<E>): () => void {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void {
      if (held) queue.push({ event, payload } as Held);
      else deliver(event, payload);
    },
    /** Delivers held events in order; from now on events go straight to listeners. */
    release(): void {
      held = false;
      for (const item of queue.splice(0)) deliver(item.event, item.payload);
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;
