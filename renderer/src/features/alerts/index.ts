export { slaWatchService } from './sla-watch-service';
export { NotificationSettingsPanel } from './NotificationSettingsPanel';
export { MuteTicketButton } from './MuteTicketButton';
export { NotificationsBlockedBanner } from './NotificationsBlockedBanner';
export { buildWatchList, recordAlertArgs, AT_RISK_MS, HOUR_MS, WATCH_HORIZON_MS } from './watch-input';
