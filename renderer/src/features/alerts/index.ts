export { useSlaWatch } from './use-sla-watch';
export type { SlaWatchOptions } from './use-sla-watch';
export { NotificationSettingsPanel } from './NotificationSettingsPanel';
export { MuteTicketButton } from './MuteTicketButton';
export { NotificationsBlockedBanner } from './NotificationsBlockedBanner';
export { useHostLanguage } from './use-host-language';
