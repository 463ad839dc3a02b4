import type { Customer, Engineer } from '../directory';

// Invented organisations and people only (example.com / example.org), never the seeds' names.
export const demoRegions = ['north-america', 'latin-america', 'emea-anz', 'apac-cjks'] as const;
export const demoProductLines = ['content-platform', 'secure-gateway', 'data-vault', 'edge-routers'] as const;

export const demoProducts: Record<(typeof demoProductLines)[number], string[]> = {
  'content-platform': ['Content Server 24', 'Content Server 25', 'Capture Suite'],
  'secure-gateway': ['Gateway 7', 'Gateway 8 Cloud'],
  'data-vault': ['Vault DB 12', 'Vault Backup'],
  'edge-routers': ['ER-4400', 'ER-9000 Chassis'],
};

export const demoCustomers: Customer[] = [
  { id: 'cust-northwind', name: 'Northwind Logistics', region: 'north-america', contractNumber: 'C-1001', contractTier: '7x24_hotline', policyId: 'onsite-4-level-7x24', calendarId: 'us-federal-2026-2027', language: 'en', site: { address: '100 Harbor Way, Boston', timeZone: 'America/New_York' } },
  { id: 'cust-lumen', name: 'Lumen Health Group', region: 'north-america', contractNumber: 'C-1002', contractTier: 'business_hours', policyId: 'business-hours-3-severity', calendarId: 'us-federal-2026-2027', language: 'en', site: { address: '8 Elm Street, Chicago', timeZone: 'America/Chicago' } },
  { id: 'cust-andes', name: 'Andes Mining Co.', region: 'latin-america', contractNumber: 'C-2001', contractTier: '7x24_hotline', policyId: 'onsite-4-level-7x24', calendarId: 'always-open', language: 'en', site: { address: 'Av. Central 45, Santiago', timeZone: 'America/Santiago' } },
  { id: 'cust-balkan', name: 'Balkan Telecom Services', region: 'emea-anz', contractNumber: 'C-3001', contractTier: '7x24_hotline', policyId: 'network-impact-rfo', calendarId: 'bulgaria-2026-2027', language: 'bg', site: { address: 'bul. Vitosha 12, Sofia', timeZone: 'Europe/Sofia' } },
  { id: 'cust-fjord', name: 'Fjord Energy AS', region: 'emea-anz', contractNumber: 'C-3002', contractTier: 'business_hours', policyId: 'business-hours-3-severity', calendarId: 'weekdays-0830-1700', language: 'en', site: { address: 'Strandgata 3, Bergen', timeZone: 'Europe/Oslo' } },
  { id: 'cust-jade', name: 'Jade River Bank', region: 'apac-cjks', contractNumber: 'C-4001', contractTier: '7x24_hotline', policyId: 'onsite-4-level-7x24', calendarId: 'china-2026-2027', language: 'zh-CN', site: { address: 'Century Avenue 88, Shanghai', timeZone: 'Asia/Shanghai' } },
  { id: 'cust-formosa', name: 'Formosa Precision', region: 'apac-cjks', contractNumber: 'C-4002', contractTier: 'business_hours', policyId: 'business-hours-3-severity', calendarId: 'office-lunch-break', language: 'zh-TW', site: { address: 'Section 2, Zhongshan Rd, Taipei', timeZone: 'Asia/Taipei' } },
  { id: 'cust-kiwi', name: 'Kiwi Freight Ltd', region: 'emea-anz', contractNumber: '', contractTier: 'non_contract', policyId: 'business-hours-3-severity', calendarId: 'weekdays-0830-1700', language: 'en', site: { address: '1 Quay St, Auckland', timeZone: 'Pacific/Auckland' } },
  { id: 'cust-edown', name: 'Orbit Retail Systems', region: 'north-america', contractNumber: 'C-1003', contractTier: '7x24_hotline', policyId: 'enterprise-edown', calendarId: 'always-open', language: 'en', site: { address: '500 Market St, San Francisco', timeZone: 'America/Los_Angeles' } },
];

export const demoEngineers: Engineer[] = [
  { id: 'eng-alex', name: 'Alex Morgan', email: 'alex.morgan@example.com', role: 'agent', region: 'north-america', skills: ['content-platform', 'data-vault'], calendarId: 'us-federal-2026-2027', managerId: 'eng-dana' },
  { id: 'eng-mei', name: 'Mei Lin', email: 'mei.lin@example.com', role: 'agent', region: 'apac-cjks', skills: ['secure-gateway', 'edge-routers'], calendarId: 'china-2026-2027', managerId: 'eng-dana' },
  { id: 'eng-ivan', name: 'Ivan Petrov', email: 'ivan.petrov@example.com', role: 'field_engineer', region: 'emea-anz', skills: ['edge-routers', 'secure-gateway'], calendarId: 'bulgaria-2026-2027', managerId: 'eng-sam' },
  { id: 'eng-rosa', name: 'Rosa Alvarez', email: 'rosa.alvarez@example.com', role: 'field_engineer', region: 'latin-america', skills: ['data-vault', 'content-platform'], calendarId: 'always-open', managerId: 'eng-sam' },
  { id: 'eng-kai', name: 'Kai Chen', email: 'kai.chen@example.com', role: 'field_engineer', region: 'apac-cjks', skills: ['edge-routers', 'data-vault'], calendarId: 'china-2026-2027', managerId: 'eng-sam' },
  { id: 'eng-sam', name: 'Sam Okafor', email: 'sam.okafor@example.com', role: 'dispatcher', region: 'emea-anz', skills: [], calendarId: 'weekdays-0830-1700', managerId: 'eng-dana' },
  { id: 'eng-dana', name: 'Dana Whitfield', email: 'dana.whitfield@example.com', role: 'admin', region: 'north-america', skills: [], calendarId: 'us-federal-2026-2027' },
];

export const demoTitles = [
  'Database server does not start after patch',
  'Users cannot log in to the portal',
  'Intermittent packet loss on uplink',
  'Backup job fails with timeout',
  'Gateway keeps restarting under load',
  'Slow search in document archive',
  'Certificate expired on edge router',
  'Licence server refuses connections',
  'Report export produces empty files',
  'High latency between sites',
  'Disk array degraded after power cut',
  'Request: enable audit logging',
] as const;
