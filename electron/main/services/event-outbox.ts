import type { IpcEvent, IpcEventPayload } from '../../../shared/ipc';

/** Sends one event to the renderer window. */
export type EventSender = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

export type EventOutbox = {
  emit: EventSender;
  /** A window is ready to receive: queued events are delivered in order. */
  attach(send: EventSender): void;
  /** The window is gone; events queue again. */
  detach(): void;
  queued(): number;
};

type Queued = { [E in IpcEvent]: { event: E; payload: IpcEventPayload<E> } }[IpcEvent];

/**
 * Alerts fired at start-up (before the window loads) or while the window is being recreated
 * are kept and delivered once a renderer is there, so the ticket timeline never misses one.
 */
export function createEventOutbox(limit = 10_000): EventOutbox {
  let sender: EventSender | null = null;
  const queue: Queued[] = [];
  return {
    emit(event, payload) {
      if (sender) {
        sender(event, payload);
        return;
      }
      queue.push({ event, payload } as Queued);
      // A window that never comes must not grow memory forever; the oldest go first.
      if (queue.length > limit) queue.splice(0, queue.length - limit);
    },
    attach(send) {
      sender = send;
      for (const item of queue.splice(0)) send(item.event, item.payload);
    },
    detach() {
      sender = null;
    },
    queued: () => queue.length,
  };
}
