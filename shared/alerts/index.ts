// SLA alerting both hosts share: the Electron main process and the web host run these same
// services with their own clock, store and notifier.
export { MAX_TIMER_DELAY_MS, clampTimerDelay, createTimerClock } from './clock';
export type { Clock, TimerHandle, TimerPrimitives } from './clock';
export { createFakeClock } from './fake-clock';
export type { FakeClock } from './fake-clock';
export { MinHeap } from './min-heap';
export { createMemoryJsonStore, createTextJsonStore, parseStoredJson } from './json-store';
export type { JsonStore, MemoryJsonStore, TextSlot } from './json-store';
export { createSlaTimerService, slaTimerStateSchema } from './sla-timers';
export type { SlaTimerDeps, SlaTimerService, SlaTimerState } from './sla-timers';
export { defaultNotificationSettings, isInQuietHours, normalizeNotificationSettings, silenceReason } from './notification-rules';
export type { SilenceReason } from './notification-rules';
export { clockName, groupedAlertToast, singleAlertToast } from './notification-text';
export { alertLanguages, languageTagPattern, resolveAlertLanguage } from './alert-language';
export type { AlertLanguage } from './alert-language';
export { alertMessages } from './messages';
export type { AlertMessages, PluralText } from './messages';
export { alertText, formatLocalTime } from './alert-text';
export type { AlertText, TimeFormatter } from './alert-text';
export { createLanguageSetting, languageSettingSchema } from './language-setting';
export type { LanguageSetting, StoredLanguage } from './language-setting';
export type { Toast } from './notification-text';
export { createNotificationService } from './notifications';
export type { NotificationDeps, NotificationService, Notifier } from './notifications';
export { trayState } from './tray-state';
export type { TrayCounts, TrayState } from './tray-state';
export { checkHandoffFileName } from './handoff-name';
export type { HandoffExtension } from './handoff-name';
