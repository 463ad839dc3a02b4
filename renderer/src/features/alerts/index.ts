export { slaWatchService } from './sla-watch-service';
export { NotificationSettingsPanel } from './NotificationSettingsPanel';
export { MuteTicketButton } from './MuteTicketButton';
export { NotificationsBlockedBanner } from './NotificationsBlockedBanner';
