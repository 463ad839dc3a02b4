// The contract form's values turned into the rows it saves (the contract and its site), checked
// with the shared schemas; and the configuration those rows would make, for the deadline preview.
import { contractSchema, siteSchema, type Contract, type Site } from '../../../../shared/contract';
import type { Config } from '../../config';

export type ContractForm = {
  id: string;
  number: string;
  customerId: string;
  policyId: string;
  tier: Contract['tier'];
  validFrom: string;
  validTo: string;
  language: Contract['language'];
  siteId: string;
  siteZone: string;
  /** '' = the policy's calendar. */
  siteCalendarId: string;
  hotline: boolean;
  /** '' = the policy's matrix. */
  escalationMatrixId: string;
  eDownEligible: boolean;
  rfoEligible: boolean;
  onSite: boolean;
};

/** The 7x24 hotline promise: any phone or e-mail request answered within 4 hours, around the clock. */
const hotlineRule = { channels: ['phone', 'email'], combine: 'earliest', targets: { first_response: { unit: 'elapsed_minutes', value: 240 } } } as const;

export type DraftResult = { ok: true; contract: Contract; site: Site } | { ok: false; errors: Record<string, string> };

/** The form's rows, or a message per field; nothing is saved unless both rows are valid. */
export function contractRowsOf(form: ContractForm, config: Config, matrixIds?: ReadonlySet<string>): DraftResult {
  const errors: Record<string, string> = {};
  const customer = config.customers.get(form.customerId);
  if (!customer) errors['customerId'] = 'choose the customer';
  const existing = config.contracts.get(form.id);
  const contract = contractSchema.safeParse({
    ...(existing ?? {}),
    id: form.id,
    number: form.number,
    customerId: form.customerId,
    policyId: form.policyId,
    tier: form.tier,
    validFrom: form.validFrom,
    validTo: form.validTo,
    language: form.language,
    siteIds: [form.siteId],
    coverage: form.hotline ? [hotlineRule] : (existing?.coverage ?? []).filter((r) => JSON.stringify(r.targets) !== JSON.stringify(hotlineRule.targets)),
    escalationMatrixId: form.escalationMatrixId || undefined,
    eDownEligible: form.eDownEligible,
    rfoEligible: form.rfoEligible,
    onSite: { included: form.onSite },
  });
  if (!contract.success) for (const i of contract.error.issues) errors[String(i.path[0] ?? 'number')] ??= i.message;
  if (!config.policies.has(form.policyId)) errors['policyId'] = 'choose a policy';
  if (form.escalationMatrixId && matrixIds && !matrixIds.has(form.escalationMatrixId)) errors['escalationMatrixId'] = 'unknown escalation matrix';
  if (form.siteCalendarId && !config.calendars[form.siteCalendarId]) errors['siteCalendarId'] = 'unknown calendar';
  const oldSite = config.sites.get(form.siteId);
  const site = siteSchema.safeParse({
    ...(oldSite ?? { name: 'Main site', address: customer?.site.address ?? '', region: customer?.region ?? '' }),
    id: form.siteId,
    customerId: form.customerId,
    timeZone: form.siteZone,
    ...(form.siteCalendarId ? { calendarId: form.siteCalendarId } : { calendarId: undefined }),
  });
  if (!site.success) for (const i of site.error.issues) errors[i.path[0] === 'timeZone' ? 'siteZone' : 'siteId'] ??= i.message;
  if (!contract.success || !site.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const siteRow: Site = { ...site.data };
  if (!form.siteCalendarId) delete siteRow.calendarId;
  const contractRow: Contract = { ...contract.data };
  if (!form.escalationMatrixId) delete contractRow.escalationMatrixId;
  return { ok: true, contract: contractRow, site: siteRow };
}

/** The configuration with the draft rows in place, for "which deadlines would move". */
export function configWith(config: Config, contract: Contract, site: Site): Config {
  return { ...config, contracts: new Map([...config.contracts, [contract.id, contract]]), sites: new Map([...config.sites, [site.id, site]]) };
}
