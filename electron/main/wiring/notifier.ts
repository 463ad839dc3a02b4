import { Notification } from 'electron';
import type { Notifier } from '../../../shared/alerts';
import { notificationBody } from './notification-markup';

/** OS toasts through Electron; kept referenced until closed so their click still arrives. */
export function createElectronNotifier(iconPath: string): Notifier {
  const live = new Set<Notification>();
  return {
    show(toast, onClick) {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title: toast.title, body: notificationBody(toast.body, process.platform), icon: iconPath, urgency: toast.urgent ? 'critical' : 'normal' });
      live.add(n);
      n.on('click', () => {
        live.delete(n);
        onClick();
      });
      n.on('close', () => live.delete(n));
      n.show();
    },
  };
}
