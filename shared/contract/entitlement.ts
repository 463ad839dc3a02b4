// A ticket's entitlement: which contract governs it and what that contract promises. Every clock
// is computed from the policy this returns, never from the vendor's generic policy directly, so a
// customer's hours, zone and targets apply on every screen, report and alert alike.
import type { Customer } from '../directory/schema';
import type { EscalationMatrix } from '../escalation/schema';
import type { Policy } from '../policy/schema';
import type { CalendarLookup } from '../sla/clocks-types';
import type { Ticket } from '../ticket/schema';
import { contractTerms, nonContractTerms, TermsCalendars } from './effective-policy';
import { byCustomer, lookup, type Lookup } from './lookup';
import type { Asset, Contract, Product, Site } from './schema';

/** Everything Settings › Configuration holds and exports; the rules run on exactly this. */
export type ContractConfig = {
  policies: Lookup<Policy>;
  calendars: CalendarLookup;
  escalationMatrices?: Lookup<EscalationMatrix>;
  products?: Lookup<Product>;
  customers?: Lookup<Customer>;
  sites?: Lookup<Site>;
  assets?: Lookup<Asset>;
  contracts?: Lookup<Contract>;
};

/** Why the entitlement is what it is, for the ticket page and the intake form (translated there). */
export type EntitlementReason =
  | { kind: 'contract'; contractId: string; number: string }
  | { kind: 'customer_contract'; number: string }
  | { kind: 'no_contract' }
  | { kind: 'contract_not_valid'; contractId: string; number: string; validFrom: string; validTo: string }
  | { kind: 'site_not_covered'; contractId: string; number: string; siteId: string }
  | { kind: 'other_policy'; contractId: string; policyId: string }
  | { kind: 'unknown_customer'; customerId: string }
  | { kind: 'no_non_contract_terms'; policyId: string };

export type Entitlement = {
  /** `policy`: the customer is not known, so the policy applies unchanged. */
  terms: 'contract' | 'non_contract' | 'policy';
  contract?: Contract;
  customer?: Customer;
  site?: Site;
  /** The zone the customer's hours are read in (and deadlines shown in), when known. */
  timeZone?: string;
  language: string;
  tier: Customer['contractTier'];
  escalationMatrixId?: string;
  eDownEligible: boolean;
  /** Channels these terms serve (non-contract customers: electronic only); empty: every channel. */
  channels: Ticket['channel'][];
  /** The policy as these terms change it; its id is the ticket's policy id. */
  policy: Policy;
  /** A second promise whose earlier deadline counts (e.g. a hotline around the clock). */
  alsoPromised?: Policy;
  /** The calendars the clocks run on, including the zone-shifted copies the terms name. */
  calendars: CalendarLookup;
  reasons: EntitlementReason[];
};

/**
 * One date formatter per zone (null: a zone this runtime does not know). Building an
 * Intl.DateTimeFormat costs far more than formatting with it: made per ticket, it was nine tenths
 * of a 100k-ticket report's time (seconds).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat | null>();

function dayFormat(zone: string): Intl.DateTimeFormat | null {
  let f = dayFormats.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = null;
    }
    dayFormats.set(zone, f);
  }
  return f;
}

/** "YYYY-MM-DD" of an instant in a zone (UTC when the zone is unknown). */
function localDate(at: number, zone: string | undefined): string {
  return dayFormat(zone ?? 'UTC')?.format(at) ?? new Date(at).toISOString().slice(0, 10);
}

/** The site a ticket is at: its own, its asset's, or the customer's only site. */
function siteOf(ticket: Ticket, config: ContractConfig): Site | undefined {
  const own = lookup(config.sites, ticket.siteId ?? lookup(config.assets, ticket.assetId)?.siteId);
  if (own) return own;
  const all = byCustomer(config.sites, ticket.customerId);
  return all.length === 1 ? all[0] : undefined;
}

/** The customer record's own contract number, for customers saved before contracts were rows of their own. */
function customerContract(c: Customer): Contract | undefined {
  if (c.contractTier === 'non_contract') return undefined;
  return {
    id: `customer:${c.id}`,
    number: c.contractNumber || c.id,
    customerId: c.id,
    policyId: c.policyId,
    tier: c.contractTier,
    validFrom: '0001-01-01',
    validTo: '9999-12-31',
    siteIds: [],
    assetIds: [],
    coverage: [],
    language: (['en', 'zh-CN', 'zh-TW', 'bg'] as const).find((l) => l === c.language) ?? 'en',
    eDownEligible: true,
    rfoEligible: true,
    onSite: { included: true },
    illustrative: false,
    note: '',
  };
}

type Choice = { contract?: Contract; reasons: EntitlementReason[] };

/** The terms a contract (or the lack of one) makes of a policy, with the calendars they run on. */
type Terms = { policy: Policy; alsoPromised?: Policy; calendars: CalendarLookup; missing?: boolean };

/**
 * Terms held per calendars, policy and contract (or customer) objects, then per channel, calendar
 * and zone: they depend on nothing else, and working them out per ticket (new policies, a calendar
 * moved into the site's zone) made a 100k-ticket report take seconds. Weak keys: a new
 * configuration's objects start afresh and the old ones are collected.
 */
const termsMemo = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, Terms>>>>();

function memoTerms(calendars: CalendarLookup, policy: Policy, owner: object, key: string, make: () => Terms): Terms {
  let byPolicy = termsMemo.get(calendars);
  if (!byPolicy) termsMemo.set(calendars, (byPolicy = new WeakMap()));
  let byOwner = byPolicy.get(policy);
  if (!byOwner) byPolicy.set(policy, (byOwner = new WeakMap()));
  let byKey = byOwner.get(owner);
  if (!byKey) byOwner.set(owner, (byKey = new Map()));
  let terms = byKey.get(key);
  if (!terms) byKey.set(key, (terms = make()));
  return terms;
}

/** The contract governing the ticket: the one it names, else the customer's valid one covering its site and asset. */
function chooseContract(ticket: Ticket, customer: Customer, site: Site | undefined, config: ContractConfig): Choice {
  const own = byCustomer(config.contracts, customer.id);
  if (own.length === 0) {
    const implied = customerContract(customer);
    return implied ? { contract: implied, reasons: [{ kind: 'customer_contract', number: implied.number }] } : { reasons: [{ kind: 'no_contract' }] };
  }
  const named = lookup(config.contracts, ticket.contractId);
  const candidates = named && named.customerId === customer.id ? [named] : own;
  const day = localDate(ticket.createdAt, site?.timeZone);
  const reasons: EntitlementReason[] = [];
  for (const c of candidates) {
    if (day < c.validFrom || day > c.validTo) {
      reasons.push({ kind: 'contract_not_valid', contractId: c.id, number: c.number, validFrom: c.validFrom, validTo: c.validTo });
      continue;
    }
    const siteId = site?.id;
    const assetCovered = c.assetIds.length === 0 || (ticket.assetId !== undefined && c.assetIds.includes(ticket.assetId));
    if ((siteId !== undefined && c.siteIds.length > 0 && !c.siteIds.includes(siteId)) || !assetCovered) {
      reasons.push({ kind: 'site_not_covered', contractId: c.id, number: c.number, siteId: siteId ?? '' });
      continue;
    }
    if (c.policyId !== ticket.policyId) {
      reasons.push({ kind: 'other_policy', contractId: c.id, policyId: c.policyId });
      continue;
    }
    return { contract: c, reasons: [{ kind: 'contract', contractId: c.id, number: c.number }] };
  }
  return { reasons: reasons.length > 0 ? reasons : [{ kind: 'no_contract' }] };
}

/**
 * Resolves the ticket's entitlement: customer -> site -> contract -> coverage -> calendar in the
 * site's zone -> targets. `policy` must be the ticket's policy. Pure; never throws.
 */
export function resolveEntitlement(ticket: Ticket, policy: Policy, config: ContractConfig): Entitlement {
  const customer = lookup(config.customers, ticket.customerId);
  if (!customer) {
    return { terms: 'policy', language: 'en', tier: 'business_hours', eDownEligible: true, channels: [], policy, calendars: config.calendars, reasons: [{ kind: 'unknown_customer', customerId: ticket.customerId }] };
  }
  const site = siteOf(ticket, config);
  // A zone left at its "UTC" default on a customer record means "not given": the calendar's own zone applies.
  const legacyZone = customer.site.timeZone !== 'UTC' ? customer.site.timeZone : undefined;
  const zone = site?.timeZone ?? legacyZone;
  const { contract, reasons } = chooseContract(ticket, customer, site, config);
  // A site without a calendar of its own works to the policy's hours; a customer recorded without
  // sites keeps the calendar on its record.
  const base = { calendarId: site ? (site.calendarId ?? policy.calendarId) : customer.calendarId, zone };
  // Built by assignment, not by spreading: reports resolve this for every ticket, and spread-built
  // objects of varying shapes took most of that time (and its garbage).
  let out: Entitlement;
  if (!contract) {
    const nc = memoTerms(config.calendars, policy, customer, `nc|${base.calendarId}|${zone ?? ''}`, () => {
      const cals = new TermsCalendars(config.calendars);
      const terms = nonContractTerms(policy, cals, base);
      return { policy: terms ?? { ...policy, calendarId: cals.use(base.calendarId, zone) }, calendars: cals.lookup(), missing: terms === undefined };
    });
    const channels = nc.missing ? [] : (policy.nonContractTerms?.channels ?? []);
    const why: EntitlementReason[] = nc.missing ? [...reasons, { kind: 'no_non_contract_terms', policyId: policy.id }] : reasons;
    out = { terms: 'non_contract', language: customer.language, tier: 'non_contract', eDownEligible: false, channels, policy: nc.policy, calendars: nc.calendars, reasons: why };
  } else {
    // A contract the customer record implies is made anew on each call: its terms are held per customer.
    const t = memoTerms(config.calendars, policy, contract.id.startsWith('customer:') ? customer : contract, `c|${ticket.channel}|${base.calendarId}|${zone ?? ''}`, () => {
      const cals = new TermsCalendars(config.calendars);
      const terms = contractTerms(policy, contract, ticket.channel, cals, base);
      return { ...terms, calendars: cals.lookup() };
    });
    out = { terms: 'contract', language: contract.language, tier: contract.tier, eDownEligible: contract.eDownEligible && policy.eDown?.enabled === true, channels: [], policy: t.policy, calendars: t.calendars, reasons };
    out.contract = contract;
    if (contract.escalationMatrixId) out.escalationMatrixId = contract.escalationMatrixId;
    if (t.alsoPromised) out.alsoPromised = t.alsoPromised;
  }
  out.customer = customer;
  if (site) out.site = site;
  if (zone) out.timeZone = zone;
  return out;
}
