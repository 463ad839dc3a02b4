import type { ClockKind } from '../sla/watch';
import type { eDownReasons, Impact, TicketStatus } from '../ticket/schema';
import type { TimelineEventKind } from '../ticket/timeline';
import type { EscalationLocale } from './locale';
import type { ClockStateLike } from './schema';

/** The words a draft body is assembled from, per locale; templates decide the layout around them. */
export type DraftVocabulary = {
  impact: Record<Impact, string>;
  /** The shipped policies' priority ids; an id a policy invented is written as it is. */
  priority: Record<string, string>;
  status: Record<TicketStatus, string>;
  clock: Record<ClockKind, string>;
  clockState: Record<ClockStateLike['state'], string>;
  event: Record<TimelineEventKind, string>;
  eDownReason: Record<(typeof eDownReasons)[number], string>;
  eDown: { reason: string; users: (affected: number, total: number) => string; actionsTaken: string; downSince: string; technicalContact: string };
  target: string;
  automatic: string;
  internal: string;
  /** Label of the SPR/defect reference line, for templates that do not place it themselves. */
  defectReference: string;
  unassigned: string;
  none: string;
  earlierEvents: (n: number) => string;
  defaultAsk: string;
};

const en: DraftVocabulary = {
  impact: { service_affecting: 'Service affecting', degradation: 'Degradation', non_service_affecting: 'Non-service affecting' },
  priority: { critical: 'Critical', high: 'High', medium: 'Medium', normal: 'Normal', low: 'Low' },
  status: { received: 'received', acknowledged: 'acknowledged', in_progress: 'in progress', waiting_customer: 'waiting for customer', resolved: 'resolved', confirmed: 'confirmed', closed: 'closed' },
  clock: { first_response: 'First response', update_cadence: 'Customer update', online_resolution: 'Online resolution', on_site_arrival: 'On-site arrival', resolution: 'Resolution', rfo: 'Reason for outage (RFO)' },
  clockState: { pending: 'not started', running: 'running', paused: 'paused', met: 'met', breached: 'BREACHED' },
  event: { created: 'Ticket opened', note: 'Note', status_changed: 'Status', severity_changed: 'Severity', assigned: 'Assigned', customer_update: 'Customer updated', sla_alert: 'SLA alert', escalated: 'Escalated', visit: 'Visit', rfo: 'RFO', deferred: 'Deferred by agreement', conflict: 'Conflict', mail: 'E-mail', defect_reference: 'SPR/defect reference', internal_step: 'Internal hand-off' },
  eDownReason: {
    users_cannot_reach_server: 'Most end users cannot reach the server software',
    server_unresponsive_or_exiting: 'The server is unresponsive or keeps exiting',
    suppliers_cannot_reach: 'Suppliers cannot reach the software',
    end_user_productivity_down_80: 'End-user productivity down 80% or more',
    server_performance_down_80: 'Server performance cuts productivity by 80% or more',
  },
  eDown: { reason: 'Reason', users: (a, t) => `Users affected: ${a} of ${t}`, actionsTaken: 'Actions taken', downSince: 'Down since', technicalContact: 'Technical contact' },
  target: 'target',
  automatic: 'automatic',
  internal: 'internal',
  defectReference: 'SPR/defect',
  unassigned: 'unassigned',
  none: 'none',
  earlierEvents: (n) => `(${n} earlier events not shown)`,
  defaultAsk: 'Please review this ticket and make sure the right people and resources are working on it.',
};

const zhCN: DraftVocabulary = {
  impact: { service_affecting: '影响服务', degradation: '服务降级', non_service_affecting: '不影响服务' },
  priority: { critical: '紧急', high: '高', medium: '中', normal: '普通', low: '低' },
  status: { received: '已接收', acknowledged: '已确认', in_progress: '处理中', waiting_customer: '等待客户', resolved: '已解决', confirmed: '客户已确认', closed: '已关闭' },
  clock: { first_response: '首次响应', update_cadence: '客户进展通报', online_resolution: '远程解决', on_site_arrival: '现场到达', resolution: '解决', rfo: '故障原因报告 (RFO)' },
  clockState: { pending: '未开始', running: '计时中', paused: '已暂停', met: '已达成', breached: '已超时' },
  event: { created: '创建工单', note: '备注', status_changed: '状态', severity_changed: '严重级别', assigned: '分派', customer_update: '已通报客户', sla_alert: 'SLA 预警', escalated: '已升级', visit: '现场服务', rfo: '故障原因报告', deferred: '经协商延后', conflict: '冲突', mail: '电子邮件', defect_reference: '软件性能报告 (SPR/缺陷) 编号', internal_step: '内部交接' },
  eDownReason: {
    users_cannot_reach_server: '大部分最终用户无法访问服务器软件',
    server_unresponsive_or_exiting: '服务器无响应或反复退出',
    suppliers_cannot_reach: '供应商无法访问软件',
    end_user_productivity_down_80: '最终用户生产力下降 80% 或更高',
    server_performance_down_80: '服务器性能导致生产力下降 80% 或更高',
  },
  eDown: { reason: '原因', users: (a, t) => `受影响用户：${a} / ${t}`, actionsTaken: '已采取的措施', downSince: '停机开始时间', technicalContact: '技术联系人' },
  target: '期限',
  automatic: '自动',
  internal: '内部',
  defectReference: '软件性能报告 (SPR/缺陷)',
  unassigned: '未分派',
  none: '无',
  earlierEvents: (n) => `（另有 ${n} 条更早的记录未列出）`,
  defaultAsk: '请审阅此工单，确保有合适的人员和资源处理。',
};

const zhTW: DraftVocabulary = {
  impact: { service_affecting: '影響服務', degradation: '服務降級', non_service_affecting: '不影響服務' },
  priority: { critical: '緊急', high: '高', medium: '中', normal: '普通', low: '低' },
  status: { received: '已接收', acknowledged: '已確認', in_progress: '處理中', waiting_customer: '等待客戶', resolved: '已解決', confirmed: '客戶已確認', closed: '已關閉' },
  clock: { first_response: '首次回應', update_cadence: '客戶進度通報', online_resolution: '遠端解決', on_site_arrival: '到場', resolution: '解決', rfo: '故障原因報告 (RFO)' },
  clockState: { pending: '未開始', running: '計時中', paused: '已暫停', met: '已達成', breached: '已逾時' },
  event: { created: '建立工單', note: '備註', status_changed: '狀態', severity_changed: '嚴重等級', assigned: '指派', customer_update: '已通報客戶', sla_alert: 'SLA 警示', escalated: '已升級', visit: '到場服務', rfo: '故障原因報告', deferred: '經協商延後', conflict: '衝突', mail: '電子郵件', defect_reference: '軟體效能報告 (SPR/缺陷) 編號', internal_step: '內部交接' },
  eDownReason: {
    users_cannot_reach_server: '大部分最終使用者無法存取伺服器軟體',
    server_unresponsive_or_exiting: '伺服器無回應或反覆結束',
    suppliers_cannot_reach: '供應商無法存取軟體',
    end_user_productivity_down_80: '最終使用者生產力下降 80% 或以上',
    server_performance_down_80: '伺服器效能導致生產力下降 80% 或以上',
  },
  eDown: { reason: '原因', users: (a, t) => `受影響使用者：${a} / ${t}`, actionsTaken: '已採取的措施', downSince: '停機開始時間', technicalContact: '技術聯絡人' },
  target: '期限',
  automatic: '自動',
  internal: '內部',
  defectReference: '軟體效能報告 (SPR/缺陷)',
  unassigned: '未指派',
  none: '無',
  earlierEvents: (n) => `（另有 ${n} 筆較早的紀錄未列出）`,
  defaultAsk: '請審閱此工單，確保有合適的人員與資源處理。',
};

const bg: DraftVocabulary = {
  impact: { service_affecting: 'Засягащ услугата', degradation: 'Деградация', non_service_affecting: 'Незасягащ услугата' },
  priority: { critical: 'Критичен', high: 'Висок', medium: 'Среден', normal: 'Нормален', low: 'Нисък' },
  status: { received: 'получен', acknowledged: 'потвърден', in_progress: 'в работа', waiting_customer: 'чака клиента', resolved: 'разрешен', confirmed: 'потвърден от клиента', closed: 'затворен' },
  clock: { first_response: 'Първи отговор', update_cadence: 'Информиране на клиента', online_resolution: 'Отдалечено разрешаване', on_site_arrival: 'Пристигане на място', resolution: 'Разрешаване', rfo: 'Доклад за причината (RFO)' },
  clockState: { pending: 'не е започнал', running: 'тече', paused: 'на пауза', met: 'спазен', breached: 'ПРОСРОЧЕН' },
  event: { created: 'Тикетът е открит', note: 'Бележка', status_changed: 'Статус', severity_changed: 'Сериозност', assigned: 'Възложен', customer_update: 'Клиентът е информиран', sla_alert: 'SLA предупреждение', escalated: 'Ескалиран', visit: 'Посещение', rfo: 'RFO доклад', deferred: 'Отложено по споразумение', conflict: 'Конфликт', mail: 'Имейл', defect_reference: 'Номер на SPR/дефект', internal_step: 'Вътрешно предаване' },
  eDownReason: {
    users_cannot_reach_server: 'Повечето потребители нямат достъп до сървъра',
    server_unresponsive_or_exiting: 'Сървърът не отговаря или спира многократно',
    suppliers_cannot_reach: 'Доставчиците нямат достъп до софтуера',
    end_user_productivity_down_80: 'Производителността на потребителите е спаднала с 80% или повече',
    server_performance_down_80: 'Производителността на сървъра намалява продуктивността с 80% или повече',
  },
  eDown: { reason: 'Причина', users: (a, t) => `Засегнати потребители: ${a} от ${t}`, actionsTaken: 'Предприети действия', downSince: 'Не работи от', technicalContact: 'Технически контакт' },
  target: 'срок',
  automatic: 'автоматично',
  internal: 'вътрешна',
  defectReference: 'SPR/дефект',
  unassigned: 'невъзложен',
  none: 'няма',
  earlierEvents: (n) => `(още ${n} по-ранни събития не са показани)`,
  defaultAsk: 'Моля, прегледайте тикета и осигурете нужните хора и ресурси за разрешаването му.',
};

/** The built-in vocabulary per locale. */
export const draftVocabulary: Readonly<Record<EscalationLocale, DraftVocabulary>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, bg };
