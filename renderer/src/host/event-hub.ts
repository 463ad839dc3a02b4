import type { IpcEvent, IpcEventPayload } from '../../../shared/ipc';

type Listener<E extends IpcEvent> = (payload: IpcEventPayload<E>) => void;

/** In-page event fan-out for the web host (the Electron host gets events from the bridge). */
export function createEventHub() {
  const listeners = new Map<IpcEvent, Set<(payload: never) => void>>();
  return {
    on<E extends IpcEvent>(event: E, listener: Listener<E>): () => void {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void {
      for (const l of listeners.get(event) ?? []) (l as Listener<E>)(payload);
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;
