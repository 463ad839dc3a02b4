import { Activity, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueKeepAlive, QueuePage, QueueSidebar } from '../features/queue';
import { ReportsPage } from '../features/reports';
import { TicketPage } from '../features/ticket';
import { IntakePage } from '../features/intake';
import { DispatchBoard } from '../features/dispatch';
import { MyVisits } from '../features/visits';
import { CommandPalette, HelpOverlay, useGlobalShortcuts } from '../features/palette';
import { NotificationsBlockedBanner } from '../features/alerts';
import { EscalationNotices } from '../features/escalation';
import { TurnNotices } from '../features/handoff';
import { SettingsPage } from '../features/settings';
import { SyncBadge } from '../features/sync';
import { changeLanguage, languageNames, supportedLanguages, type Language } from '../i18n';
import { useRouter, type Route } from '../app/router';
import { useServices } from '../app/services';
import { useUi } from '../app/ui-store';

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.screen) {
    case 'reports':
      return <ReportsPage />;
    case 'ticket':
      return <TicketPage key={route.id} id={route.id} />;
    case 'intake':
      return <IntakePage />;
    case 'dispatch':
      return <DispatchBoard />;
    case 'visits':
      return <MyVisits />;
    case 'settings':
      return <SettingsPage section={route.section} />;
    default:
      return <p className="muted">{t('app.comingSoon')}</p>;
  }
}

/**
 * The screen of the current route; the only part of the shell that changes when navigating. The
 * last queue stays mounted while another screen shows (hidden, its effects and live queries
 * stopped, its first rows and count kept live by QueueKeepAlive), so going back from a ticket
 * finds the queue as it was (scroll position, search, selection) and shows it without building
 * it again or reading the store.
 */
function RoutedScreen() {
  const route = useRouter((s) => s.route);
  const lastQueue = useRef<string | null>(null);
  if (route.screen === 'queue') lastQueue.current = route.view;
  return (
    <>
      {lastQueue.current !== null && (
        <Activity mode={route.screen === 'queue' ? 'visible' : 'hidden'}>
          <QueuePage viewId={lastQueue.current} />
        </Activity>
      )}
      {route.screen !== 'queue' && <Screen route={route} />}
      {route.screen !== 'queue' && lastQueue.current !== null && <QueueKeepAlive viewId={lastQueue.current} />}
    </>
  );
}

function ActiveQueueSidebar() {
  const activeView = useRouter((s) => (s.route.screen === 'queue' ? s.route.view : undefined));
  return <QueueSidebar activeView={activeView} />;
}

function NavLink({ route, label, testId }: { route: Route; label: string; testId: string }) {
  const current = useRouter((s) => s.route.screen === route.screen);
  const navigate = useRouter((s) => s.navigate);
  return (
    <a href="#" data-testid={`nav-${testId}`} aria-current={current ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(route))}>
      {label}
    </a>
  );
}

/**
 * The app shell. It does not read the route itself: the screen, the active queue and the current
 * link each subscribe to their part of it, so navigating re-renders those and not the shell and its
 * panels. Background work (alerts, escalation, fault visits) is not here: the kernel runs it.
 */
export function App() {
  const { t, i18n } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  // Selected one by one: the whole UI store changes with every key typed in the search box.
  const paletteOpen = useUi((s) => s.paletteOpen);
  const helpOpen = useUi((s) => s.helpOpen);
  const setPaletteOpen = useUi((s) => s.setPaletteOpen);
  useGlobalShortcuts();
  const { host } = useServices();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">{t('app.title')}</div>
        <button type="button" className="primary" onClick={() => navigate({ screen: 'intake' })}>{t('nav.newTicket')}</button>
        <div className="section-title">{t('nav.queues')}</div>
        <ActiveQueueSidebar />
        <div className="section-title">{t('nav.more')}</div>
        <div className="links">
          <NavLink route={{ screen: 'dispatch' }} label={t('nav.dispatch')} testId="dispatch" />
          <NavLink route={{ screen: 'visits' }} label={t('nav.visits')} testId="visits" />
          <NavLink route={{ screen: 'reports' }} label={t('nav.reports')} testId="reports" />
          <NavLink route={{ screen: 'settings' }} label={t('nav.settings')} testId="settings" />
        </div>
        <div className="sidebar-foot">
          <SyncBadge />
          <label className="lang">
            <span>{t('nav.language')}</span>
            <select aria-label={t('nav.language')} value={i18n.language} onChange={(e) => void changeLanguage(e.target.value as Language)}>
              {supportedLanguages.map((l) => (
                <option key={l} value={l}>{languageNames[l]}</option>
              ))}
            </select>
          </label>
          <button type="button" className="link" onClick={() => setPaletteOpen(true)}>{t('nav.palette')} <kbd>Ctrl K</kbd></button>
          <div className="muted host-kind">{t(`host.${host.kind}`)}</div>
        </div>
      </nav>
      <main className="content">
        <RoutedScreen />
      </main>
      {/* Below the work area, never over it: a notice must not hide the button someone is about to press. */}
      <div className="shell-tray">
        <EscalationNotices />
        <TurnNotices />
        <NotificationsBlockedBanner />
      </div>
      {paletteOpen && <CommandPalette />}
      {helpOpen && <HelpOverlay />}
    </div>
  );
}
