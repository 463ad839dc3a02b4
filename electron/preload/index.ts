import { contextBridge, ipcRenderer } from 'electron';
import { serviceDeskBridgeKey } from '../../shared/ipc';
import { createBridge } from './bridge';

// The page gets exactly ServiceDeskBridge; the raw IPC object and its events never cross.
contextBridge.exposeInMainWorld(
  serviceDeskBridgeKey,
  createBridge({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe(channel, listener) {
      const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  }),
);
