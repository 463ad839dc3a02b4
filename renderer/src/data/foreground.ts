// The user goes first. The browser serves a store's requests one after another, so a background
// read in flight (the jobs' caches, the reports warm-up in its worker) makes the reads of a ticket
// just opened wait behind it. After each click, key press or route change the background readers
// hold their next page for a moment; the page being opened reads alone.
// Shared with the report worker over a BroadcastChannel (a worker has no clicks of its own).

/** How long after an action background reads wait: a ticket page's reads finish well inside it. */
export const FOREGROUND_HOLD_MS = 1_200;
/**
 * The longest one background page waits, however busy the user is: the SLA watch list and the
 * automatic escalation must still move forward while someone types for minutes.
 */
export const MAX_HOLD_MS = 4_000;
const CHANNEL = 'service-desk.foreground';

let busyUntil = 0;
let lastSent = 0;
let channel: BroadcastChannel | undefined;

function openChannel(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  // Under Node (tests) an open channel would keep the process alive.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  // Another context (the window, for the worker) saw an action: hold this one's background too.
  channel.onmessage = (e: MessageEvent<unknown>) => {
    if (typeof e.data === 'number' && Number.isFinite(e.data)) busyUntil = Math.max(busyUntil, e.data);
  };
  return channel;
}

/** The user acted: background reads of this context and of the report worker hold for a moment. */
export function markForeground(now = Date.now()): void {
  busyUntil = Math.max(busyUntil, now + FOREGROUND_HOLD_MS);
  // Wall-clock instants (Date.now), so that contexts with another time origin agree; one message per 200 ms at most.
  if (now - lastSent >= 200) {
    lastSent = now;
    openChannel()?.postMessage(busyUntil);
  }
}

/** Resolves when no action happened for FOREGROUND_HOLD_MS, or after MAX_HOLD_MS at most. */
export async function backgroundTurn(): Promise<void> {
  openChannel();
  const started = Date.now();
  for (;;) {
    const now = Date.now();
    const wait = Math.min(busyUntil - now, started + MAX_HOLD_MS - now);
    if (wait <= 0) return;
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** Marks every click, key press and route change of `target` (the window) as the user acting; returns the uninstaller. */
export function installForegroundMarks(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const mark = (): void => markForeground();
  const events = ['pointerdown', 'click', 'keydown', 'hashchange'] as const;
  for (const e of events) target.addEventListener(e, mark, { capture: true, passive: true });
  return () => {
    for (const e of events) target.removeEventListener(e, mark, { capture: true });
  };
}
