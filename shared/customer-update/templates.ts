import { renderTemplate } from '../escalation/template-schema';
import { pickEscalationLocale, type EscalationLocale } from '../escalation/locale';

/** The three updates of the cadence: acknowledge, report status, ask to confirm the fix. */
export const customerUpdateKinds = ['acknowledgement', 'status', 'confirmation_request'] as const;
export type CustomerUpdateKind = (typeof customerUpdateKinds)[number];

export type CustomerUpdateValues = { ticketId: string; title: string; contact: string; engineer: string; status: string; nextUpdate: string };
type Template = { subject: string; body: string };

// Invented wording following the cadence rule: first reply promises a status within ~30 minutes,
// then status updates, then a request to confirm the fix. {{#x}}…{{/x}} disappears when x is empty.
const templates: Record<EscalationLocale, Record<CustomerUpdateKind, Template>> = {
  en: {
    acknowledgement: {
      subject: '[{{ticketId}}] We are on it: {{title}}',
      body: 'Dear {{contact}},\n\nWe have received your request {{ticketId}} ("{{title}}") and an engineer is working on it.\n{{#nextUpdate}}You will hear from us with a status by {{nextUpdate}}.\n{{/nextUpdate}}\nKind regards,\n{{engineer}}',
    },
    status: {
      subject: '[{{ticketId}}] Status update: {{title}}',
      body: 'Dear {{contact}},\n\nStatus of {{ticketId}}: {{status}}.\n\n[What we found and what we are doing now]\n{{#nextUpdate}}\nNext update by {{nextUpdate}}.{{/nextUpdate}}\n\nKind regards,\n{{engineer}}',
    },
    confirmation_request: {
      subject: '[{{ticketId}}] Please confirm the fix: {{title}}',
      body: 'Dear {{contact}},\n\nWe believe {{ticketId}} ("{{title}}") is resolved. Please confirm that everything works again, or tell us what is still wrong, and we will close the request once you confirm.\n\nKind regards,\n{{engineer}}',
    },
  },
  'zh-CN': {
    acknowledgement: { subject: '[{{ticketId}}] 已受理：{{title}}', body: '{{contact}}，您好：\n\n我们已收到您的请求 {{ticketId}}（“{{title}}”），工程师正在处理。\n{{#nextUpdate}}我们将在 {{nextUpdate}} 前向您通报进展。\n{{/nextUpdate}}\n此致\n{{engineer}}' },
    status: { subject: '[{{ticketId}}] 进展通报：{{title}}', body: '{{contact}}，您好：\n\n{{ticketId}} 当前状态：{{status}}。\n\n[已发现的情况及当前处理措施]\n{{#nextUpdate}}\n下次通报时间：{{nextUpdate}}。{{/nextUpdate}}\n\n此致\n{{engineer}}' },
    confirmation_request: { subject: '[{{ticketId}}] 请确认问题已解决：{{title}}', body: '{{contact}}，您好：\n\n我们认为 {{ticketId}}（“{{title}}”）已经解决。请确认系统已恢复正常，或告知仍存在的问题；收到您的确认后我们将关闭该请求。\n\n此致\n{{engineer}}' },
  },
  'zh-TW': {
    acknowledgement: { subject: '[{{ticketId}}] 已受理：{{title}}', body: '{{contact}}，您好：\n\n我們已收到您的請求 {{ticketId}}（「{{title}}」），工程師正在處理。\n{{#nextUpdate}}我們將在 {{nextUpdate}} 前向您通報進度。\n{{/nextUpdate}}\n敬祝 順心\n{{engineer}}' },
    status: { subject: '[{{ticketId}}] 進度通報：{{title}}', body: '{{contact}}，您好：\n\n{{ticketId}} 目前狀態：{{status}}。\n\n[已發現的情況及目前處理措施]\n{{#nextUpdate}}\n下次通報時間：{{nextUpdate}}。{{/nextUpdate}}\n\n敬祝 順心\n{{engineer}}' },
    confirmation_request: { subject: '[{{ticketId}}] 請確認問題已解決：{{title}}', body: '{{contact}}，您好：\n\n我們認為 {{ticketId}}（「{{title}}」）已經解決。請確認系統已恢復正常，或告知仍存在的問題；收到您的確認後我們將結案。\n\n敬祝 順心\n{{engineer}}' },
  },
  bg: {
    acknowledgement: { subject: '[{{ticketId}}] Заявката е приета: {{title}}', body: 'Здравейте, {{contact}},\n\nПолучихме заявка {{ticketId}} („{{title}}“) и инженер работи по нея.\n{{#nextUpdate}}Ще ви информираме за състоянието до {{nextUpdate}}.\n{{/nextUpdate}}\nПоздрави,\n{{engineer}}' },
    status: { subject: '[{{ticketId}}] Състояние: {{title}}', body: 'Здравейте, {{contact}},\n\nСъстояние на {{ticketId}}: {{status}}.\n\n[Какво открихме и какво правим сега]\n{{#nextUpdate}}\nСледваща информация до {{nextUpdate}}.{{/nextUpdate}}\n\nПоздрави,\n{{engineer}}' },
    confirmation_request: { subject: '[{{ticketId}}] Моля, потвърдете решението: {{title}}', body: 'Здравейте, {{contact}},\n\nСмятаме, че {{ticketId}} („{{title}}“) е решен. Моля, потвърдете, че всичко работи, или ни кажете какво още не е наред; ще затворим заявката след вашето потвърждение.\n\nПоздрави,\n{{engineer}}' },
  },
};

/** The ready text of a customer update in the customer's (or the UI's) language. */
export function renderCustomerUpdate(kind: CustomerUpdateKind, locale: string, values: CustomerUpdateValues): Template {
  const t = templates[pickEscalationLocale(locale)][kind];
  return { subject: renderTemplate(t.subject, values).replace(/[\r\n]+/g, ' '), body: renderTemplate(t.body, values) };
}

/** Which update fits now: nothing sent yet → acknowledgement; resolved → confirmation request; else status. */
export function suggestedUpdateKind(updatesSent: number, status: string): CustomerUpdateKind {
  if (status === 'resolved') return 'confirmation_request';
  return updatesSent === 0 ? 'acknowledgement' : 'status';
}
