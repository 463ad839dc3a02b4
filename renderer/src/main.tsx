import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { backgroundServices } from './shell/background-services';
import { startBackground } from './app/background';
import { ServicesProvider } from './app/services';
import { MutationsProvider, type Mutate } from './app/mutations';
import { seedDemoDataOnFirstRun } from './app/seed-demo';
import { demoSession, useSession } from './app/session';
import { getActor, installForegroundMarks, installQueueKeys, openDb, runMutation, setActor, MutationInputError } from './data';
import { selectHost } from './host';
import { presetEscalationMatrices } from './features/escalation';
import { getConfig } from './config/config-store';
import { createSyncController } from './app/sync-controller';
import { initI18n } from './i18n';
import './shell/app.css';

async function start(): Promise<void> {
  await initI18n();
  const db = openDb();
  installQueueKeys(db, getConfig);
  const host = selectHost(import.meta.env.VITE_APP_VERSION ?? '0.0.0');
  if (await seedDemoDataOnFirstRun(db, getConfig().policies, Date.now(), 60, { calendars: getConfig().calendars, matrices: presetEscalationMatrices })) await setActor(db, demoSession);
  const actor = await getActor(db);
  useSession.getState().setSession(actor);
  // The web host reloads offline from a service worker's cached shell (Electron loads from disk).
  if (host.kind === 'web' && location.protocol.startsWith('http') && 'serviceWorker' in navigator && import.meta.env.PROD) {
    void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  }
  // Ask the browser not to evict the store under storage pressure: it holds unsynced work.
  void navigator.storage?.persist?.().catch(() => false);

  const mutate: Mutate = async (name, args, opts) => {
    try {
      const r = await runMutation(db, name, args, opts);
      return { outcome: r.outcome, message: r.message, mutationId: r.id, ...(r.refusal ? { refusal: r.refusal } : {}) };
    } catch (e) {
      if (e instanceof MutationInputError) return { outcome: 'rejected', message: e.message };
      throw e;
    }
  };

  const sync = createSyncController(db, host);
  await sync.start();

  // Clicks, key presses and route changes hold the background readers for a moment (data/foreground.ts).
  installForegroundMarks(window);
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <StrictMode>
      <ServicesProvider services={{ db, host, sync }}>
        <MutationsProvider mutate={mutate}>
          <App />
        </MutationsProvider>
      </ServicesProvider>
    </StrictMode>,
  );
  // Alerts, escalation, fault visits and config sync run from here, whichever screen shows; a
  // reload starts them again (and the page going away stops them, so no job outlives its store).
  // Started after the first frame, so their store reads queue behind the first screen's (a window
  // hidden at start paints no frame: the timer starts them then).
  let started = false;
  const startServices = (): void => {
    if (started) return;
    started = true;
    const background = startBackground({ db, host, sync, mutate }, backgroundServices);
    addEventListener('pagehide', (e) => {
      if (!e.persisted) background.stop();
    });
  };
  requestAnimationFrame(startServices);
  setTimeout(startServices, 1_000);
}

start().catch((e: unknown) => {
  document.body.textContent = `Service Desk could not start: ${e instanceof Error ? e.message : String(e)}`;
});
