import { useTranslation } from 'react-i18next';
import { QueuePage, QueueSidebar } from '../features/queue';
import { ReportsPage, useReportsWarmup } from '../features/reports';
import { TicketPage } from '../features/ticket';
import { IntakePage } from '../features/intake';
import { DispatchBoard, useAutoFaultVisits } from '../features/dispatch';
import { MyVisits } from '../features/visits';
import { CommandPalette, HelpOverlay, useGlobalShortcuts } from '../features/palette';
import { NotificationsBlockedBanner, useSlaWatch } from '../features/alerts';
import { EscalationNotices, useAutoEscalation } from '../features/escalation';
import { SettingsPage } from '../features/settings';
import { SyncBadge } from '../features/sync';
import { useConfigSync } from '../config';
import { changeLanguage, languageNames, supportedLanguages, type Language } from '../i18n';
import { useRouter, type Route } from './router';
import { useServices } from './services';
import { useUi } from './ui-store';

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.screen) {
    case 'queue':
      return <QueuePage viewId={route.view} />;
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

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const { paletteOpen, helpOpen, setPaletteOpen } = useUi();
  useGlobalShortcuts();
  const { host, sync } = useServices();
  useSlaWatch({ onSyncRequested: () => void sync.syncNow() });
  useAutoEscalation();
  useReportsWarmup();
  useConfigSync();
  useAutoFaultVisits();
  const nav = (r: Route, label: string, key: string) => (
    <a href="#" data-testid={`nav-${key}`} aria-current={route.screen === r.screen ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(r))}>
      {label}
    </a>
  );
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">{t('app.title')}</div>
        <button type="button" className="primary" onClick={() => navigate({ screen: 'intake' })}>{t('nav.newTicket')}</button>
        <div className="section-title">{t('nav.queues')}</div>
        <QueueSidebar activeView={route.screen === 'queue' ? route.view : undefined} />
        <div className="section-title">{t('nav.more')}</div>
        <div className="links">
          {nav({ screen: 'dispatch' }, t('nav.dispatch'), 'dispatch')}
          {nav({ screen: 'visits' }, t('nav.visits'), 'visits')}
          {nav({ screen: 'reports' }, t('nav.reports'), 'reports')}
          {nav({ screen: 'settings' }, t('nav.settings'), 'settings')}
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
        <Screen route={route} />
      </main>
      <EscalationNotices />
      <NotificationsBlockedBanner />
      {paletteOpen && <CommandPalette />}
      {helpOpen && <HelpOverlay />}
    </div>
  );
}
