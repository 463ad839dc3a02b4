import { useTranslation } from 'react-i18next';
import { QueuePage } from '../features/queue';
import { changeLanguage, languageNames, supportedLanguages, type Language } from '../i18n';
import { useServices } from './services';

export function App() {
  const { t, i18n } = useTranslation();
  const { host } = useServices();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.queues')}>
        <div className="brand">{t('app.title')}</div>
        <label className="lang">
          <span>{t('nav.language')}</span>
          <select aria-label={t('nav.language')} value={i18n.language} onChange={(e) => void changeLanguage(e.target.value as Language)}>
            {supportedLanguages.map((l) => (
              <option key={l} value={l}>{languageNames[l]}</option>
            ))}
          </select>
        </label>
        <div className="muted host-kind">{t(`host.${host.kind}`)}</div>
      </nav>
      <main className="content">
        <QueuePage />
      </main>
    </div>
  );
}
