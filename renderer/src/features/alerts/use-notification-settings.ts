import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import type { NotificationSettings } from '../../../../shared/ipc';
import { useServices } from '../../app/services';
import type { NotificationPermissionState } from '../../host';

// Bumped after every save so every mounted panel and mute button reads the host's settings again.
const useRevision = create<{ revision: number; bump: () => void }>((set) => ({ revision: 0, bump: () => set((s) => ({ revision: s.revision + 1 })) }));

export type SettingsState = {
  settings: NotificationSettings | null;
  error: string | null;
  /** Saves through the host (which validates it); resolves to the stored settings or null on refusal. */
  save: (next: NotificationSettings) => Promise<NotificationSettings | null>;
};

/** The host's notification settings (quiet hours, severities, muted tickets, pause). */
export function useNotificationSettings(): SettingsState {
  const { host } = useServices();
  const revision = useRevision((s) => s.revision);
  const bump = useRevision((s) => s.bump);
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    host.invoke('notifications.getSettings', {}).then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [host, revision]);

  const save = useCallback(
    async (next: NotificationSettings) => {
      try {
        const saved = await host.invoke('notifications.setSettings', next);
        setSettings(saved);
        setError(null);
        bump();
        return saved;
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return null;
      }
    },
    [host, bump],
  );
  return { settings, error, save };
}

const noControl = { subscribe: () => () => undefined, snapshot: () => 'none|0' };

/** Browser notification permission and blocked toasts (web host); null inside Electron. */
export function useNotificationPermission(): { permission: NotificationPermissionState; blocked: number } | null {
  const { host } = useServices();
  const control = host.notificationControl;
  const snapshot = useSyncExternalStore(control ? control.subscribe : noControl.subscribe, control ? () => `${control.permission()}|${control.blockedCount()}` : noControl.snapshot);
  if (!control) return null;
  const [permission, blocked] = snapshot.split('|');
  return { permission: permission as NotificationPermissionState, blocked: Number(blocked) };
}
