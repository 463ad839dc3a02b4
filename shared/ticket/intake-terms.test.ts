// Named scenarios of the intake form with contracts: what picking a customer, site and asset
// pre-fills, which terms apply, and what the form refuses (on the shipped example configuration).
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { rowsOf } from '../contract/lookup';
import { intakeFormSchema, type IntakeForm } from './intake-form';
import { catalogueLines, intakePrefill, intakeTerms } from './intake-terms';

const now = Date.UTC(2026, 2, 3, 2, 0);
const config = presetConfig();
const products = rowsOf(config.products);
const empty: IntakeForm = {
  customerId: '', channel: 'phone', title: 'Branch routers drop sessions', description: 'Since 09:00', contactName: '', contactEmail: '', contactPhone: '',
  productLine: '', product: '', productVersion: '', severity: '', impact: 'service_affecting', urgency: 'high',
  company: '', contractNumber: '', productSerial: '', patchLevel: '', operatingSystem: '', configuration: '', database: '', serviceId: '',
  problemStartedAt: '', circuitId: '', intermittent: '', logs: '', ipAddress: '', siteId: '', assetId: '', severityOverrideReason: '',
  eDownReason: '', eDownUsersTotal: '', eDownUsersAffected: '', eDownSince: '', eDownActionsTaken: '', eDownTechnicalContact: '',
};
const fill = (form: IntakeForm): IntakeForm => ({ ...form, ...intakePrefill(form, config, now) });
const errorsOf = (form: IntakeForm) => {
  const terms = intakeTerms(form, config, now);
  if (!terms) throw new Error('no terms');
  const r = intakeFormSchema(terms.policy, now, { entitlement: terms.entitlement, products }).safeParse(form);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('intake with contracts', () => {
  it('picking the customer fills its only site, contract number and company; picking an asset fills product line, product, version and serial', () => {
    const picked = fill({ ...empty, customerId: 'cust-jade' });
    expect(picked).toMatchObject({ siteId: 'site-jade-main', contractNumber: 'C-4001', company: 'Jade River Bank' });
    const asset = rowsOf(config.assets).find((a) => a.customerId === 'cust-jade');
    if (!asset) throw new Error('example asset missing');
    const product = rowsOf(config.products).find((p) => p.id === asset.productId);
    const withAsset = fill({ ...picked, assetId: asset.id });
    expect(withAsset).toMatchObject({ productLine: product?.productLine, product: product?.name, productVersion: asset.version, productSerial: asset.serial });
    const terms = intakeTerms(withAsset, config, now);
    expect(terms).toMatchObject({ contractId: 'contract-c-4001', policy: { id: 'onsite-4-level-7x24' }, entitlement: { terms: 'contract', language: 'zh-CN', timeZone: 'Asia/Shanghai' } });
  });

  it('a customer without a valid contract is flagged with the non-contract terms and needs no contract number', () => {
    const form = fill({ ...empty, customerId: 'cust-kiwi', channel: 'email', severity: '2', productLine: 'data-vault', product: 'Vault DB 12' });
    const terms = intakeTerms(form, config, now);
    expect(terms?.entitlement.terms).toBe('non_contract');
    expect(terms?.contractId).toBeUndefined();
    expect(form.contractNumber).toBe('');
    expect(errorsOf(form).contractNumber).toBeUndefined();
    // A customer with a contract still has to give the number its policy requires.
    expect(errorsOf({ ...fill({ ...empty, customerId: 'cust-lumen', severity: '2' }), contractNumber: '' }).contractNumber).toBe('required by this customer’s policy');
  });

  it('product lines come from the catalogue only: a phantom line such as "Edge routers" is refused', () => {
    expect(catalogueLines(products).map((l) => l.id)).toContain('edge-routers');
    const form = fill({ ...empty, customerId: 'cust-jade', severity: '2' });
    expect(errorsOf({ ...form, productLine: 'Edge routers', product: 'ER-4400' }).productLine).toBe('choose a product line the catalogue offers (a retired one is no longer offered)');
    expect(errorsOf({ ...form, productLine: 'edge-routers', product: 'Vault DB 12' }).product).toBe('choose a product of this product line');
    expect(errorsOf({ ...form, productLine: 'edge-routers', product: 'ER-4400' }).productLine).toBeUndefined();
  });

  it('E-Down by phone is accepted for an eligible customer (with its questionnaire) and refused through the portal', () => {
    const form = fill({ ...empty, customerId: 'cust-edown', severity: 'edown', productLine: 'data-vault', product: 'Vault DB 12', productVersion: '2.0', contactName: 'Kim', contactEmail: 'kim@example.com' });
    expect(errorsOf(form)).toMatchObject({ eDownReason: 'E-Down: reason_missing', eDownTechnicalContact: 'E-Down: technical_contact' });
    const answered = { ...form, eDownReason: 'users_cannot_reach_server' as const, eDownUsersTotal: '400', eDownUsersAffected: '380', eDownSince: '2026-03-02T17:00', eDownActionsTaken: 'Restarted the servers', eDownTechnicalContact: 'Kim, +1 555 0100' };
    expect(errorsOf(answered)).toEqual({});
    expect(errorsOf({ ...answered, channel: 'portal' }).severity).toBe('E-Down cannot be chosen when the case is first logged: channel');
    expect(errorsOf({ ...answered, channel: 'email' }).severity).toBe('E-Down cannot be chosen when the case is first logged: channel');
  });

  it('where severity follows the impact class, another severity needs a written reason', () => {
    const form = fill({ ...empty, customerId: 'cust-balkan', impact: 'degradation', severity: 'critical', productLine: 'edge-routers', product: 'ER-4400', contactName: 'Ivan', contactEmail: 'ivan@example.com', serviceId: 'SVC-7', problemStartedAt: '2026-03-03T01:00' });
    expect(errorsOf(form).severityOverrideReason).toBe('say why the severity differs from the impact class');
    expect(errorsOf({ ...form, severityOverrideReason: 'The degraded link carries emergency calls' })).toEqual({});
    expect(errorsOf({ ...form, severity: 'major' })).toEqual({});
  });
});
