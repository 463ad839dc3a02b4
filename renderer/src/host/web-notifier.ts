import type { Notifier, Toast } from '../../../shared/alerts';

/** What a browser reports about Web Notifications; 'unsupported' when the API is missing. */
export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

/** The slice of the Web Notifications API the notifier uses (window.Notification in the page). */
export type NotificationApi = {
  permission(): NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  /** Shows a notification; `onClick` runs when the user clicks it. */
  show(title: string, options: { body: string; tag?: string; requireInteraction: boolean }, onClick: () => void): void;
  /** Calls `listener` when the permission changes outside `requestPermission` (site settings). */
  watch?(listener: () => void): void;
};

/**
 * The web host's side of notifications the settings panel and the "blocked" banner read.
 * Electron has no such thing: the OS asks and manages permission itself.
 */
export type WebNotificationControl = {
  permission(): NotificationPermissionState;
  /** Toasts the browser did not show (permission denied or missing) since the page loaded. */
  blockedCount(): number;
  /** Asks the browser for permission (must follow a user gesture in most browsers). */
  request(): Promise<NotificationPermissionState>;
  /** Shows a sample toast through the same path as an SLA alert (asks first if needed). */
  showTest(title: string, body: string): void;
  subscribe(listener: () => void): () => void;
};

export type WebNotifier = Notifier & { control: WebNotificationControl };

/**
 * Web Notifications with permission asked on first need: the first toast that would be shown
 * asks, later ones wait for that same answer. When permission is denied the toast is counted
 * as blocked (the alert itself is still recorded by the caller).
 */
export function createWebNotifier(api: NotificationApi | null, focusWindow: () => void): WebNotifier {
  let blocked = 0;
  let pending: Promise<NotificationPermissionState> | null = null;
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((l) => l());

  const permission = (): NotificationPermissionState => (api ? api.permission() : 'unsupported');
  api?.watch?.(changed);

  const request = (): Promise<NotificationPermissionState> => {
    if (!api) return Promise.resolve('unsupported');
    if (pending) return pending;
    if (api.permission() !== 'default') return Promise.resolve(api.permission());
    pending = api
      .requestPermission()
      .catch((): NotificationPermission => 'denied')
      .then((p) => {
        pending = null;
        changed();
        return p;
      });
    return pending;
  };

  const display = (toast: Toast, onClick: () => void): void => {
    if (!api) return;
    // One tag per ticket: a newer alert for the same ticket replaces the older toast.
    api.show(toast.title, { body: toast.body, tag: toast.ticketId ?? undefined, requireInteraction: toast.urgent }, () => {
      focusWindow();
      onClick();
    });
  };

  const markBlocked = (): void => {
    blocked++;
    changed();
  };

  const show = (toast: Toast, onClick: () => void): void => {
    const now = permission();
    // While the question is open, later toasts wait for the same answer (and keep their order).
    if (now === 'granted' && !pending) display(toast, onClick);
    else if (now === 'default' || pending) {
      void request().then((p) => (p === 'granted' ? display(toast, onClick) : markBlocked()));
    } else markBlocked();
  };

  return {
    show,
    isBlocked: () => permission() === 'denied' || permission() === 'unsupported',
    control: {
      permission,
      blockedCount: () => blocked,
      request,
      showTest: (title, body) => show({ title, body, ticketId: null, urgent: false }, () => undefined),
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}

/** The page's Web Notifications API, or null where the browser has none. */
export function browserNotificationApi(): NotificationApi | null {
  if (typeof Notification === 'undefined') return null;
  // Reading Notification.permission asks the browser process each time (several ms in Chromium)
  // and the banner reads it on every render: keep the last answer, refreshed whenever it can change
  // (our own request, the Permissions API's change event, the window regaining focus).
  let known = Notification.permission;
  const watchers = new Set<() => void>();
  const refresh = (): void => {
    const now = Notification.permission;
    if (now === known) return;
    known = now;
    watchers.forEach((w) => w());
  };
  window.addEventListener('focus', refresh);
  navigator.permissions
    ?.query({ name: 'notifications' })
    .then((status) => status.addEventListener('change', refresh))
    .catch(() => undefined);
  return {
    permission: () => known,
    requestPermission: () =>
      Notification.requestPermission().then((p) => {
        known = p;
        return p;
      }),
    show: (title, options, onClick) => {
      const n = new Notification(title, options);
      n.onclick = () => onClick();
    },
    watch: (listener) => void watchers.add(listener),
  };
}
