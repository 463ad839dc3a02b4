// The host's own texts in every UI language: OS notifications, the grouped catch-up toast, the
// tray tooltip and menu, the taskbar overlay. Pure data; {name} marks a value filled in by
// alert-text.ts, which also formats numbers, percentages and times with Intl in the language.
// Wording follows the renderer's locales (clock names, "breached"/"at n %") so a toast and the
// ticket timeline say the same thing.
import type { ClockKind } from '../sla/watch';
import type { AlertLanguage } from './alert-language';

/** Text per Intl.PluralRules category of the language; every category it has must be present. */
export type PluralText = { one?: string; other: string };

export type AlertMessages = {
  appName: string;
  clocks: Record<ClockKind, string>;
  single: { titleBreached: string; titleWarning: string; bodyBreached: string; bodyWarning: string };
  grouped: { title: PluralText; breached: PluralText; warnings: PluralText; body: string; ticket: string; more: PluralText; partsSeparator: string };
  tray: {
    tooltip: string;
    tooltipPaused: string;
    breached: PluralText;
    atRisk: PluralText;
    nothing: string;
    partsSeparator: string;
    open: string;
    syncNow: string;
    pause: string;
    resume: string;
    quit: string;
  };
};

const en: AlertMessages = {
  appName: 'Service Desk',
  clocks: { first_response: 'First response', update_cadence: 'Customer update', online_resolution: 'Online resolution', on_site_arrival: 'On-site arrival', resolution: 'Resolution', rfo: 'RFO report' },
  single: {
    titleBreached: '{ticket} · {severity} · {clock} breached',
    titleWarning: '{ticket} · {severity} · {clock} at {percent}',
    bodyBreached: '{customer} — {title}\n{clock} breached at {time}',
    bodyWarning: '{customer} — {title}\n{clock} reached {percent} at {time}',
  },
  grouped: {
    title: { one: '{count} SLA alert', other: '{count} SLA alerts' },
    breached: { one: '{count} breached', other: '{count} breached' },
    warnings: { one: '{count} warning', other: '{count} warnings' },
    body: '{parts}: {tickets}',
    ticket: '{ticket} ({customer})',
    more: { one: '{count} more', other: '{count} more' },
    partsSeparator: ', ',
  },
  tray: {
    tooltip: '{app} — {summary}',
    tooltipPaused: '{app} — {summary} (notifications paused)',
    breached: { one: '{count} breached', other: '{count} breached' },
    atRisk: { one: '{count} at risk', other: '{count} at risk' },
    nothing: 'no tickets at risk',
    partsSeparator: ', ',
    open: 'Open {app}',
    syncNow: 'Sync now',
    pause: 'Pause notifications',
    resume: 'Resume notifications',
    quit: 'Quit',
  },
};

const zhCN: AlertMessages = {
  appName: '服务台',
  clocks: { first_response: '首次响应', update_cadence: '客户更新', online_resolution: '远程解决', on_site_arrival: '现场到达', resolution: '解决', rfo: '故障报告' },
  single: {
    titleBreached: '{ticket} · {severity} · {clock}已超时',
    titleWarning: '{ticket} · {severity} · {clock}已达 {percent}',
    bodyBreached: '{customer} — {title}\n{clock}于 {time} 超时',
    bodyWarning: '{customer} — {title}\n{clock}于 {time} 达到 {percent}',
  },
  grouped: {
    title: { other: '{count} 条 SLA 提醒' },
    breached: { other: '{count} 条已超时' },
    warnings: { other: '{count} 条预警' },
    body: '{parts}：{tickets}',
    ticket: '{ticket}（{customer}）',
    more: { other: '另外 {count} 个' },
    partsSeparator: '，',
  },
  tray: {
    tooltip: '{app} — {summary}',
    tooltipPaused: '{app} — {summary}（通知已暂停）',
    breached: { other: '{count} 个已超时' },
    atRisk: { other: '{count} 个有风险' },
    nothing: '没有有风险的工单',
    partsSeparator: '，',
    open: '打开{app}',
    syncNow: '立即同步',
    pause: '暂停通知',
    resume: '恢复通知',
    quit: '退出',
  },
};

const zhTW: AlertMessages = {
  appName: '服務台',
  clocks: { first_response: '首次回應', update_cadence: '客戶更新', online_resolution: '遠端解決', on_site_arrival: '到場時限', resolution: '解決', rfo: '故障報告' },
  single: {
    titleBreached: '{ticket} · {severity} · {clock}已逾時',
    titleWarning: '{ticket} · {severity} · {clock}已達 {percent}',
    bodyBreached: '{customer} — {title}\n{clock}於 {time} 逾時',
    bodyWarning: '{customer} — {title}\n{clock}於 {time} 達到 {percent}',
  },
  grouped: {
    title: { other: '{count} 則 SLA 提醒' },
    breached: { other: '{count} 則已逾時' },
    warnings: { other: '{count} 則預警' },
    body: '{parts}：{tickets}',
    ticket: '{ticket}（{customer}）',
    more: { other: '另外 {count} 個' },
    partsSeparator: '，',
  },
  tray: {
    tooltip: '{app} — {summary}',
    tooltipPaused: '{app} — {summary}（通知已暫停）',
    breached: { other: '{count} 個已逾時' },
    atRisk: { other: '{count} 個有風險' },
    nothing: '沒有有風險的案件',
    partsSeparator: '，',
    open: '開啟{app}',
    syncNow: '立即同步',
    pause: '暫停通知',
    resume: '恢復通知',
    quit: '結束',
  },
};

const bg: AlertMessages = {
  appName: 'Сервизно бюро',
  clocks: {
    first_response: 'Първи отговор',
    update_cadence: 'Информиране на клиента',
    online_resolution: 'Онлайн решение',
    on_site_arrival: 'Пристигане на място',
    resolution: 'Решение',
    rfo: 'Доклад за причината',
  },
  single: {
    titleBreached: '{ticket} · {severity} · {clock}: срокът е просрочен',
    titleWarning: '{ticket} · {severity} · {clock} на {percent}',
    bodyBreached: '{customer} — {title}\n{clock}: срокът изтече в {time}',
    bodyWarning: '{customer} — {title}\n{clock}: {percent} от срока в {time}',
  },
  grouped: {
    title: { one: '{count} SLA сигнал', other: '{count} SLA сигнала' },
    breached: { one: '{count} просрочен', other: '{count} просрочени' },
    warnings: { one: '{count} предупреждение', other: '{count} предупреждения' },
    body: '{parts}: {tickets}',
    ticket: '{ticket} ({customer})',
    more: { one: 'още {count}', other: 'още {count}' },
    partsSeparator: ', ',
  },
  tray: {
    tooltip: '{app} — {summary}',
    tooltipPaused: '{app} — {summary} (известията са спрени)',
    breached: { one: '{count} просрочен', other: '{count} просрочени' },
    atRisk: { one: '{count} в риск', other: '{count} в риск' },
    nothing: 'няма тикети в риск',
    partsSeparator: ', ',
    open: 'Отвори {app}',
    syncNow: 'Синхронизирай сега',
    pause: 'Спри известията',
    resume: 'Пусни известията',
    quit: 'Изход',
  },
};

/** Every language's texts; English is the fallback for any language not listed. */
export const alertMessages: Record<AlertLanguage, AlertMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, bg };
