// The example customers' installed base and contracts (invented; example.com only). Each contract
// shows one way a contract decides a ticket's terms; numbers a vendor text does not give are
// marked illustrative on the contract itself.
import { assetSchema, contractSchema, productSchema, siteSchema, type Asset, type Contract, type ContractInput, type Product, type Site } from '../contract/schema';
import { demoCustomers, demoProducts } from './catalogue';

const lineNames: Record<keyof typeof demoProducts, string> = {
  'content-platform': 'Content platform',
  'secure-gateway': 'Secure gateway',
  'data-vault': 'Data vault',
  'edge-routers': 'Edge routers',
};

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The product catalogue: every product a ticket may name, by product line. */
export const demoCatalogue: Product[] = Object.entries(demoProducts).flatMap(([line, names]) =>
  names.map((name) => productSchema.parse({ id: slug(name), productLine: line, productLineName: lineNames[line as keyof typeof demoProducts], name, versions: ['1.0', '1.1', '2.0'] })),
);

/** Each customer's main site, in its own zone and on its local calendar. */
const siteCalendars: Record<string, string> = {
  'cust-northwind': 'us-federal-2026-2027',
  'cust-lumen': 'us-federal-2026-2027',
  'cust-andes': 'weekdays-0830-1700',
  'cust-balkan': 'bulgaria-2026-2027',
  'cust-fjord': 'weekdays-0830-1700',
  'cust-jade': 'china-2026-2027',
  'cust-formosa': 'office-lunch-break',
  'cust-kiwi': 'weekdays-0830-1700',
  'cust-edown': 'us-federal-2026-2027',
};

export const demoSites: Site[] = demoCustomers.map((c) =>
  siteSchema.parse({ id: `site-${c.id.replace(/^cust-/, '')}-main`, customerId: c.id, name: 'Main site', address: c.site.address, region: c.region, timeZone: c.site.timeZone, calendarId: siteCalendars[c.id], travelNotes: 'Report to reception; visitor badge needed.' }),
);

/** Two installed products per customer, from the catalogue. */
export const demoAssets: Asset[] = demoCustomers.flatMap((c, i) => {
  const site = demoSites[i];
  if (!site) return [];
  return [0, 1].map((k) => {
    const product = demoCatalogue[(i * 2 + k * 5) % demoCatalogue.length];
    return assetSchema.parse({ id: `asset-${c.id.replace(/^cust-/, '')}-${k + 1}`, customerId: c.id, siteId: site.id, productId: product?.id ?? '', version: '2.0', serial: `SN-${1000 + i * 10 + k}` });
  });
});

const valid = { validFrom: '2026-01-01', validTo: '2027-12-31' } as const;

/** The hotline promise of a 7x24-hotline contract: any phone or e-mail request answered within 4 hours, around the clock. */
const hotline: ContractInput['coverage'] = [{ channels: ['phone', 'email'], combine: 'earliest', targets: { first_response: { unit: 'elapsed_minutes', value: 240 } } }];

const contracts: ContractInput[] = [
  { id: 'contract-c-1001', number: 'C-1001', customerId: 'cust-northwind', policyId: 'onsite-4-level-7x24', tier: '7x24_hotline', ...valid, coverage: hotline, language: 'en', inspectionPlan: { everyMonths: 6, firstDate: '2026-03-10' } },
  { id: 'contract-c-1002', number: 'C-1002', customerId: 'cust-lumen', policyId: 'business-hours-3-severity', tier: 'business_hours', ...valid, escalationMatrixId: 'product-region-vp', language: 'en', onSite: { included: false } },
  { id: 'contract-c-2001', number: 'C-2001', customerId: 'cust-andes', policyId: 'onsite-4-level-7x24', tier: '7x24_hotline', ...valid, coverage: hotline, language: 'en', inspectionPlan: { everyMonths: 12, firstDate: '2026-05-04' } },
  { id: 'contract-c-3001', number: 'C-3001', customerId: 'cust-balkan', policyId: 'network-impact-rfo', tier: '7x24_hotline', ...valid, escalationMatrixId: 'network-age-ladder', language: 'en', note: 'The provider writes to customers in English only.' },
  { id: 'contract-c-3002', number: 'C-3002', customerId: 'cust-fjord', policyId: 'business-hours-3-severity', tier: 'business_hours', ...valid, escalationMatrixId: 'product-region-vp', language: 'en', onSite: { included: false } },
  { id: 'contract-c-4001', number: 'C-4001', customerId: 'cust-jade', policyId: 'onsite-4-level-7x24', tier: '7x24_hotline', ...valid, coverage: hotline, language: 'zh-CN', inspectionPlan: { everyMonths: 3, firstDate: '2026-01-12' } },
  { id: 'contract-c-4002', number: 'C-4002', customerId: 'cust-formosa', policyId: 'business-hours-3-severity', tier: 'business_hours', ...valid, escalationMatrixId: 'product-region-vp', language: 'zh-TW', onSite: { included: false } },
  { id: 'contract-c-1003', number: 'C-1003', customerId: 'cust-edown', policyId: 'enterprise-edown', tier: '7x24_hotline', ...valid, escalationMatrixId: 'support-managers-m1-m2', language: 'en', eDownEligible: true, illustrative: true, note: 'Targets of this policy are illustrative.' },
];

/** Every example customer with a contract has exactly one; the customer without one shows non-contract terms. */
export const demoContracts: Contract[] = contracts.map((c) => contractSchema.parse(c));
