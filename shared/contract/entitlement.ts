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

/** "YYYY-MM-DD" of an instant in a zone. */
function localDate(at: number, zone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return new Date(at).toISOString().slice(0, 10);
  }
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
  const cals = new TermsCalendars(config.calendars);
  if (!customer) {
    return { terms: 'policy', language: 'en', tier: 'business_hours', eDownEligible: true, channels: [], policy, calendars: config.calendars, reasons: [{ kind: 'unknown_customer', customerId: ticket.customerId }] };
  }
  const site = siteOf(ticket, config);
  // A zone left at its "UTC" default on a customer record means "not given": the calendar's own zone applies.
  const legacyZone = customer.site.timeZone !== 'UTC' ? customer.site.timeZone : undefined;
  const zone = site?.timeZone ?? legacyZone;
  const { contract, reasons } = chooseContract(ticket, customer, site, config);
  const common = { customer, ...(site ? { site } : {}), ...(zone ? { timeZone: zone } : {}) };
  // A site without a calendar of its own works to the policy's hours; a customer recorded without
  // sites keeps the calendar on its record.
  const base = { calendarId: site ? (site.calendarId ?? policy.calendarId) : customer.calendarId, zone };

  if (!contract) {
    const terms = nonContractTerms(policy, cals, base);
    const language = customer.language;
    if (!terms) {
      return { ...common, terms: 'non_contract', language, tier: 'non_contract', eDownEligible: false, channels: [], policy: { ...policy, calendarId: cals.use(base.calendarId, zone) }, calendars: cals.lookup(), reasons: [...reasons, { kind: 'no_non_contract_terms', policyId: policy.id }] };
    }
    return { ...common, terms: 'non_contract', language, tier: 'non_contract', eDownEligible: false, channels: policy.nonContractTerms?.channels ?? [], policy: terms, calendars: cals.lookup(), reasons };
  }
  const t = contractTerms(policy, contract, ticket.channel, cals, base);
  return {
    ...common,
    terms: 'contract',
    contract,
    language: contract.language,
    tier: contract.tier,
    ...(contract.escalationMatrixId ? { escalationMatrixId: contract.escalationMatrixId } : {}),
    eDownEligible: contract.eDownEligible && policy.eDown?.enabled === true,
    channels: [],
    policy: t.policy,
    ...(t.alsoPromised ? { alsoPromised: t.alsoPromised } : {}),
    calendars: cals.lookup(),
    reasons,
  };
}
