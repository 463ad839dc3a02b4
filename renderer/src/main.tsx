import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ServicesProvider } from './app/services';
import { seedDemoDataOnFirstRun } from './app/seed-demo';
import { openDb } from './data/db';
import { selectHost } from './host';
import { initI18n } from './i18n';
import './app/app.css';

async function start(): Promise<void> {
  await initI18n();
  const db = openDb();
  const host = selectHost(import.meta.env.VITE_APP_VERSION ?? '0.0.0');
  await seedDemoDataOnFirstRun(db, Date.now());
  // Ask the browser not to evict the store under storage pressure: it holds unsynced work.
  void navigator.storage?.persist?.().catch(() => false);
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <StrictMode>
      <ServicesProvider services={{ db, host }}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
}

start().catch((e: unknown) => {
  document.body.textContent = `Service Desk could not start: ${e instanceof Error ? e.message : String(e)}`;
});
