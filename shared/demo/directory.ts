import type { Customer, Engineer } from '../directory';
import { demoCustomers, demoEngineers, demoProductLines, demoRegions } from './catalogue';
import { pick, seededRandom } from './random';

type Region = (typeof demoRegions)[number];
type Tier = Customer['contractTier'];

/** What a customer in a region looks like: the calendars, languages, time zones and cities used there. */
type RegionProfile = {
  calendars: { id: string; language: string }[];
  zones: { timeZone: string; city: string }[];
  legal: string[];
};

// Invented organisations only; cities and time zones are real so the clocks have real holidays.
const regionProfiles: Record<Region, RegionProfile> = {
  'north-america': {
    calendars: [{ id: 'us-federal-2026-2027', language: 'en' }, { id: 'always-open', language: 'en' }],
    zones: [{ timeZone: 'America/New_York', city: 'New York' }, { timeZone: 'America/Chicago', city: 'Chicago' }, { timeZone: 'America/Denver', city: 'Denver' }, { timeZone: 'America/Los_Angeles', city: 'Seattle' }, { timeZone: 'America/Toronto', city: 'Toronto' }],
    legal: ['Inc.', 'LLC', 'Corp.'],
  },
  'latin-america': {
    calendars: [{ id: 'always-open', language: 'en' }, { id: 'weekdays-0830-1700', language: 'en' }],
    zones: [{ timeZone: 'America/Sao_Paulo', city: 'São Paulo' }, { timeZone: 'America/Mexico_City', city: 'Mexico City' }, { timeZone: 'America/Bogota', city: 'Bogotá' }, { timeZone: 'America/Santiago', city: 'Santiago' }],
    legal: ['S.A.', 'Ltda.', 'S.A. de C.V.'],
  },
  'emea-anz': {
    calendars: [{ id: 'bulgaria-2026-2027', language: 'bg' }, { id: 'weekdays-0830-1700', language: 'en' }],
    zones: [{ timeZone: 'Europe/Sofia', city: 'Sofia' }, { timeZone: 'Europe/Berlin', city: 'Berlin' }, { timeZone: 'Europe/London', city: 'London' }, { timeZone: 'Australia/Sydney', city: 'Sydney' }, { timeZone: 'Pacific/Auckland', city: 'Auckland' }],
    legal: ['Ltd', 'GmbH', 'AD', 'Pty Ltd'],
  },
  'apac-cjks': {
    calendars: [{ id: 'china-2026-2027', language: 'zh-CN' }, { id: 'office-lunch-break', language: 'zh-TW' }],
    zones: [{ timeZone: 'Asia/Shanghai', city: 'Shanghai' }, { timeZone: 'Asia/Taipei', city: 'Taipei' }, { timeZone: 'Asia/Singapore', city: 'Singapore' }, { timeZone: 'Asia/Seoul', city: 'Seoul' }, { timeZone: 'Asia/Tokyo', city: 'Tokyo' }],
    legal: ['Co., Ltd.', 'Pte. Ltd.', 'K.K.'],
  },
};

const nameStems = ['Aurora', 'Birchwood', 'Cobalt', 'Deltaline', 'Emberly', 'Falconridge', 'Granite', 'Harborview', 'Irisgate', 'Juniper', 'Kestrel', 'Lotusfield', 'Meridian', 'Nimbus', 'Onyxia', 'Pinecrest', 'Quartzite', 'Redwood', 'Summitry', 'Tidewater', 'Umberfall', 'Vertexa', 'Willowmere', 'Zephyrus'];
const nameTrades = ['Logistics', 'Health', 'Savings Bank', 'Telecom', 'Energy', 'Retail', 'Foods', 'Insurance', 'Airways', 'University', 'Manufacturing', 'Media', 'Pharma', 'Water Works', 'Rail'];
const streets = ['Main Street', 'Station Road', 'Harbour Road', 'Park Avenue', 'Industrial Way', 'River Street'];
const firstNames = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Gale', 'Harper', 'Indra', 'Jules', 'Kiran', 'Lior', 'Milan', 'Noor', 'Oakley', 'Parker', 'Quinn', 'Remy', 'Sasha', 'Tatum'];
const lastNames = ['Ashdown', 'Brightwater', 'Calder', 'Dunmore', 'Eastwood', 'Fairbank', 'Greystone', 'Hollins', 'Ivers', 'Jarrow', 'Kettering', 'Lowell', 'Marlow', 'Northam', 'Oakridge', 'Penrose'];

function tierAndPolicy(rnd: () => number, trade: string): { tier: Tier; policyId: string } {
  const r = rnd();
  if (r < 0.12) return { tier: 'non_contract', policyId: 'business-hours-3-severity' };
  if (r < 0.5) return { tier: 'business_hours', policyId: 'business-hours-3-severity' };
  // 7x24 contracts: carriers run the network-impact policy, some large accounts have E-Down.
  if (trade === 'Telecom' || trade === 'Rail') return { tier: '7x24_hotline', policyId: 'network-impact-rfo' };
  return { tier: '7x24_hotline', policyId: r < 0.6 ? 'enterprise-edown' : 'onsite-4-level-7x24' };
}

/**
 * The demo catalogue's customers plus `count - catalogue` invented ones (ids cust-gen-0001...),
 * spread over the demo regions with the calendars, languages and time zones used there.
 */
export function demoCustomerDirectory(count: number, seed = 7): Customer[] {
  const rnd = seededRandom(seed);
  const out: Customer[] = [...demoCustomers];
  const names = new Set(out.map((c) => c.name));
  for (let i = 1; out.length < count; i++) {
    const region = pick(rnd, demoRegions);
    const profile = regionProfiles[region];
    const trade = pick(rnd, nameTrades);
    const base = `${pick(rnd, nameStems)} ${trade}`;
    const name = names.has(base) ? `${base} ${pick(rnd, profile.legal)} ${i}` : `${base} ${pick(rnd, profile.legal)}`;
    names.add(base);
    const { tier, policyId } = tierAndPolicy(rnd, trade);
    const calendar = tier === '7x24_hotline' && policyId !== 'network-impact-rfo' ? { id: 'always-open', language: pick(rnd, profile.calendars).language } : pick(rnd, profile.calendars);
    const zone = pick(rnd, profile.zones);
    out.push({
      id: `cust-gen-${String(i).padStart(4, '0')}`,
      name,
      region,
      contractNumber: tier === 'non_contract' ? '' : `C-${9000 + i}`,
      contractTier: tier,
      policyId,
      calendarId: calendar.id,
      language: calendar.language,
      site: { address: `${1 + Math.floor(rnd() * 400)} ${pick(rnd, streets)}, ${zone.city}`, timeZone: zone.timeZone },
    });
  }
  return out.slice(0, Math.max(count, 0));
}

const regionCalendar: Record<Region, string> = { 'north-america': 'us-federal-2026-2027', 'latin-america': 'always-open', 'emea-anz': 'bulgaria-2026-2027', 'apac-cjks': 'china-2026-2027' };

/** The demo catalogue's engineers plus `perRegion` invented agents and field engineers in each region. */
export function demoEngineerDirectory(perRegion: number, seed = 11): Engineer[] {
  const rnd = seededRandom(seed);
  const out: Engineer[] = [...demoEngineers];
  let n = 0;
  for (const region of demoRegions) {
    for (let k = 0; k < perRegion; k++) {
      n++;
      const first = pick(rnd, firstNames);
      const last = pick(rnd, lastNames);
      const id = `eng-gen-${String(n).padStart(3, '0')}`;
      out.push({
        id,
        name: `${first} ${last}`,
        email: `${first}.${last}.${n}@example.com`.toLowerCase(),
        role: k % 3 === 2 ? 'field_engineer' : 'agent',
        region,
        skills: [pick(rnd, demoProductLines), pick(rnd, demoProductLines)].filter((s, i, all) => all.indexOf(s) === i),
        calendarId: regionCalendar[region],
        managerId: k % 3 === 2 ? 'eng-sam' : 'eng-dana',
      });
    }
  }
  return out;
}
