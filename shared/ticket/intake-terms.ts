// What the intake form learns from the customer, site and asset a person picks: the product,
// version and serial of the installed asset, the contract (its number, language and terms) and
// the customer's usual contact. Pure, so the form and its tests agree on every pre-filled value.
import type { Customer } from '../directory/schema';
import type { Policy } from '../policy/schema';
import { resolveEntitlement, type ContractConfig, type Entitlement } from '../contract/entitlement';
import { byCustomer, lookup, rowsOf } from '../contract/lookup';
import type { Asset, Contract, Product, Site } from '../contract/schema';
import { ticketFromIntake, type IntakeForm } from './intake-form';

/** The customer's sites, by name. */
export function customerSites(config: ContractConfig, customerId: string): Site[] {
  return [...byCustomer(config.sites, customerId)].sort((a, b) => a.name.localeCompare(b.name));
}

/** The customer's installed assets at a site (every site when none is picked). */
export function siteAssets(config: ContractConfig, customerId: string, siteId: string): Asset[] {
  return byCustomer(config.assets, customerId).filter((a) => !siteId || a.siteId === siteId);
}

/** The catalogue's product lines, each once, by name. */
export function catalogueLines(products: readonly Product[]): Array<{ id: string; name: string }> {
  const lines = new Map<string, string>();
  for (const p of products) if (!lines.has(p.productLine)) lines.set(p.productLine, p.productLineName);
  return [...lines].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The products of one line, by name. */
export function lineProducts(products: readonly Product[], line: string): Product[] {
  return products.filter((p) => p.productLine === line).sort((a, b) => a.name.localeCompare(b.name));
}

/** "YYYY-MM-DD" of an instant in a zone. */
function dayIn(at: number, zone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return new Date(at).toISOString().slice(0, 10);
  }
}

/** The customer's contract valid today that covers the site and asset, if any. */
function coveringContract(config: ContractConfig, customerId: string, site: Site | undefined, assetId: string, now: number): Contract | undefined {
  const day = dayIn(now, site?.timeZone);
  return byCustomer(config.contracts, customerId).find(
    (c) => day >= c.validFrom && day <= c.validTo && (c.siteIds.length === 0 || !site || c.siteIds.includes(site.id)) && (c.assetIds.length === 0 || c.assetIds.includes(assetId)),
  );
}

/** The terms a form's ticket would get if it were created now. */
export type IntakeTerms = { customer: Customer; policy: Policy; entitlement: Entitlement; contractId?: string };

/**
 * Which policy and contract govern the ticket the form describes: the customer's valid contract
 * covering the picked site and asset decides the policy (else the customer's own policy), and the
 * entitlement is resolved exactly as the ticket's clocks will be. Undefined without a known customer or policy.
 */
export function intakeTerms(form: IntakeForm, config: ContractConfig, now: number): IntakeTerms | undefined {
  const customer = lookup(config.customers, form.customerId);
  if (!customer) return undefined;
  const sites = byCustomer(config.sites, customer.id);
  const site = lookup(config.sites, form.siteId) ?? (sites.length === 1 ? sites[0] : undefined);
  const contract = coveringContract(config, customer.id, site, form.assetId, now);
  const policy = lookup(config.policies, contract?.policyId ?? customer.policyId);
  if (!policy) return undefined;
  const probe = ticketFromIntake(form, { id: 'SD-NEW', now, by: '', policy, customer, ...(contract ? { contractId: contract.id } : {}) });
  const entitlement = resolveEntitlement(probe, policy, config);
  // Only a stored contract is named on the ticket (one implied by an older customer record is not a row).
  const named = entitlement.contract && lookup(config.contracts, entitlement.contract.id) ? entitlement.contract.id : undefined;
  return { customer, policy, entitlement, ...(named ? { contractId: named } : {}) };
}

/**
 * The values picking a customer, site or asset fills in: the site when the customer has only one,
 * the asset's product line, product, version and serial, the contract number, the company and the
 * customer's usual contact. Fields the person already typed are not in the result unless the pick
 * itself decides them (the product of the asset picked).
 */
export function intakePrefill(form: IntakeForm, config: ContractConfig, now: number): Partial<IntakeForm> {
  const customer = lookup(config.customers, form.customerId);
  if (!customer) return {};
  const out: Partial<IntakeForm> = {};
  const sites = customerSites(config, customer.id);
  const siteId = form.siteId && sites.some((s) => s.id === form.siteId) ? form.siteId : sites.length === 1 ? (sites[0]?.id ?? '') : '';
  if (siteId !== form.siteId) out.siteId = siteId;
  const asset = lookup(config.assets, form.assetId);
  if (asset && asset.customerId === customer.id && (!siteId || asset.siteId === siteId)) {
    const product = lookup(config.products, asset.productId);
    if (product) {
      out.productLine = product.productLine;
      out.product = product.name;
    }
    out.productVersion = asset.version;
    out.productSerial = asset.serial;
  } else if (form.assetId) out.assetId = '';
  const terms = intakeTerms({ ...form, ...out }, config, now);
  const number = terms?.entitlement.terms === 'contract' ? terms.entitlement.contract?.number : undefined;
  if (number) out.contractNumber = number;
  if (!form.company) out.company = customer.name;
  if (!form.contactName && customer.contactName) out.contactName = customer.contactName;
  if (!form.contactEmail && customer.contactEmail) out.contactEmail = customer.contactEmail;
  if (!form.contactPhone && customer.contactPhone) out.contactPhone = customer.contactPhone;
  return out;
}

/** Every product the catalogue holds, for the form's pickers and its check. */
export function catalogueOf(config: ContractConfig): Product[] {
  return rowsOf(config.products);
}
