import type { EscalationLocale } from './locale';
import type { EscalationTemplate } from './template-schema';

// Default data, not code paths: a policy overrides any locale through its matrix's `templates`.
const en: EscalationTemplate = {
  subject: '[Escalation: {{levelName}}] {{ticketId}} · {{severity}} · {{customer}} · {{title}}',
  body: `Hello,

We are escalating ticket {{ticketId}} ({{title}}) to {{levelName}}.

Customer: {{customer}}
Product: {{productLine}} / {{product}}
Severity: {{severity}}   Priority: {{priority}}
Impact: {{impact}}
Owner: {{owner}}{{#defectReference}}
SPR/defect: {{defectReference}}{{/defectReference}}
{{#summary}}
Problem:
{{summary}}
{{/summary}}{{#eDown}}
E-Down answers:
{{eDown}}
{{/eDown}}
SLA clocks:
{{clocks}}
{{#breaches}}
Breaches:
{{breaches}}
{{/breaches}}
What was tried:
{{tried}}

Timeline:
{{timeline}}

What we ask:
{{ask}}

Thank you.
`,
};

const zhCN: EscalationTemplate = {
  subject: '【升级：{{levelName}}】{{ticketId}} · {{severity}} · {{customer}} · {{title}}',
  body: `您好：

工单 {{ticketId}}（{{title}}）现升级至{{levelName}}。

客户：{{customer}}
产品：{{productLine}} / {{product}}
严重级别：{{severity}}　优先级：{{priority}}
影响：{{impact}}
负责人：{{owner}}{{#defectReference}}
软件性能报告 (SPR/缺陷)：{{defectReference}}{{/defectReference}}
{{#summary}}
问题描述：
{{summary}}
{{/summary}}{{#eDown}}
企业生产系统停机 (E-Down) 信息：
{{eDown}}
{{/eDown}}
SLA 计时：
{{clocks}}
{{#breaches}}
已超时：
{{breaches}}
{{/breaches}}
已尝试的措施：
{{tried}}

处理记录：
{{timeline}}

我们的请求：
{{ask}}

谢谢。
`,
};

const zhTW: EscalationTemplate = {
  subject: '【升級：{{levelName}}】{{ticketId}} · {{severity}} · {{customer}} · {{title}}',
  body: `您好：

工單 {{ticketId}}（{{title}}）現升級至{{levelName}}。

客戶：{{customer}}
產品：{{productLine}} / {{product}}
嚴重等級：{{severity}}　優先順序：{{priority}}
影響：{{impact}}
負責人：{{owner}}{{#defectReference}}
軟體效能報告 (SPR/缺陷)：{{defectReference}}{{/defectReference}}
{{#summary}}
問題描述：
{{summary}}
{{/summary}}{{#eDown}}
企業生產系統停機 (E-Down) 資訊：
{{eDown}}
{{/eDown}}
SLA 計時：
{{clocks}}
{{#breaches}}
已逾時：
{{breaches}}
{{/breaches}}
已嘗試的措施：
{{tried}}

處理紀錄：
{{timeline}}

我們的請求：
{{ask}}

謝謝。
`,
};

const bg: EscalationTemplate = {
  subject: '[Ескалация: {{levelName}}] {{ticketId}} · {{severity}} · {{customer}} · {{title}}',
  body: `Здравейте,

Ескалираме тикет {{ticketId}} ({{title}}) към {{levelName}}.

Клиент: {{customer}}
Продукт: {{productLine}} / {{product}}
Сериозност: {{severity}}   Приоритет: {{priority}}
Въздействие: {{impact}}
Отговорник: {{owner}}{{#defectReference}}
SPR/дефект: {{defectReference}}{{/defectReference}}
{{#summary}}
Проблем:
{{summary}}
{{/summary}}{{#eDown}}
Отговори за E-Down:
{{eDown}}
{{/eDown}}
SLA срокове:
{{clocks}}
{{#breaches}}
Просрочени:
{{breaches}}
{{/breaches}}
Какво е опитано:
{{tried}}

Хронология:
{{timeline}}

Какво молим:
{{ask}}

Благодарим.
`,
};

/** The templates every policy starts from. */
export const defaultEscalationTemplates: Readonly<Record<EscalationLocale, EscalationTemplate>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, bg };
