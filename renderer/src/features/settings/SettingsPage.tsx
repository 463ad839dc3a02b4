import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { SyncSettings } from '../sync';
import { EscalationMatrixSettings } from '../escalation';
import { NotificationSettingsPanel } from '../alerts';
import { CalendarSettings, PolicySettings } from '../admin';
import { BackupSettings } from '../backup';
import { AttachmentSettings } from '../attachments';
import { DemoDataSettings } from '../demo';
import { PeopleSettings } from '../people';
import { CustomerMailDomains, MailSettings } from '../mail';
import { ContractSettings } from '../contracts';
import { CatalogueSettings } from '../catalogue';
import { IdentitySettings } from './IdentitySettings';
import './settings.css';

export type SettingsSection = { id: string; labelKey: string; render: () => ReactNode };

/** Settings sections; later features append theirs here. */
const sections: SettingsSection[] = [
  { id: 'sync', labelKey: 'settings.sections.sync', render: () => <SyncSettings /> },
  { id: 'identity', labelKey: 'settings.sections.identity', render: () => <IdentitySettings /> },
  { id: 'people', labelKey: 'settings.sections.people', render: () => <PeopleSettings /> },
  { id: 'mail', labelKey: 'mail.settingsSection', render: () => (
    <>
      <MailSettings />
      <CustomerMailDomains />
    </>
  ) },
  { id: 'notifications', labelKey: 'settings.sections.notifications', render: () => <NotificationSettingsPanel /> },
  { id: 'escalation', labelKey: 'settings.sections.escalation', render: () => <EscalationMatrixSettings /> },
  { id: 'policies', labelKey: 'settings.sections.policies', render: () => <PolicySettings /> },
  { id: 'calendars', labelKey: 'settings.sections.calendars', render: () => <CalendarSettings /> },
  { id: 'contracts', labelKey: 'contracts.settings.title', render: () => <ContractSettings /> },
  { id: 'catalogue', labelKey: 'catalogue.title', render: () => <CatalogueSettings /> },
  { id: 'demo', labelKey: 'settings.sections.demo', render: () => <DemoDataSettings /> },
  { id: 'backup', labelKey: 'settings.sections.backup', render: () => <BackupSettings /> },
  { id: 'attachments', labelKey: 'attachments.settings.title', render: () => <AttachmentSettings /> },
];

export function SettingsPage({ section }: { section?: string }) {
  const { t } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const active = sections.find((s) => s.id === section) ?? sections[0];
  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <nav className="settings-tabs" aria-label={t('settings.title')}>
        {sections.map((s) => (
          <a key={s.id} href={`#/settings/${s.id}`} aria-current={s.id === active?.id ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate({ screen: 'settings', section: s.id }))}>
            {t(s.labelKey)}
          </a>
        ))}
      </nav>
      {active?.render()}
    </div>
  );
}
