import { describe, expect, it } from 'vitest';
import { customerSchema } from '../directory/schema';
import { checkCustomerMailDomains, isValidMailDomain } from './email-domains';

const customers = [
  { id: 'cust-a', name: 'Acme Example', emailDomains: ['acme.example.com', 'noc@partner.example.net'] },
  { id: 'cust-b', name: 'Globex Example', emailDomains: ['globex.example.org'] },
];

describe('customer e-mail domains', () => {
  it('accepts domains and plain addresses, normalised, without repeats', () => {
    expect(checkCustomerMailDomains('cust-b', [' Globex.Example.org ', '@mail.globex.example.org', 'ops@globex.example.org', 'globex.example.org', ''], customers)).toEqual({
      ok: true,
      entries: ['globex.example.org', 'mail.globex.example.org', 'ops@globex.example.org'],
    });
  });

  it('refuses what is not a real domain or address, naming it', () => {
    for (const bad of ['localhost', 'example', '-acme.example.com', 'acme..example.com', 'acme.example.123', 'a b.example.com', 'ops@', 'x@y@example.com', `${'a'.repeat(64)}.example.com`]) {
      expect(checkCustomerMailDomains('cust-b', [bad], customers), bad).toMatchObject({ ok: false, code: 'mail_domain_syntax' });
    }
    expect(isValidMailDomain('xn--80ak6aa92e.example.com')).toBe(true);
  });

  it("refuses a domain or address another customer has, naming that customer", () => {
    expect(checkCustomerMailDomains('cust-b', ['new.example.com', 'ACME.example.com'], customers)).toEqual({ ok: false, code: 'mail_domain_taken', entry: 'acme.example.com', customer: 'Acme Example' });
    expect(checkCustomerMailDomains('cust-b', ['noc@partner.example.net'], customers)).toMatchObject({ ok: false, customer: 'Acme Example' });
    // The customer's own entries are not a clash with itself.
    expect(checkCustomerMailDomains('cust-a', ['acme.example.com'], customers)).toEqual({ ok: true, entries: ['acme.example.com'] });
  });

  it('the stored customer row refuses a malformed entry, so a bad sync payload changes nothing', () => {
    const row = { id: 'c', name: 'C', region: 'north', contractTier: 'business_hours', policyId: 'p', calendarId: 'k' };
    expect(customerSchema.safeParse({ ...row, emailDomains: ['acme.example.com', '@b.example.com', 'ops@c.example.com'] }).success).toBe(true);
    expect(customerSchema.safeParse({ ...row, emailDomains: ['not a domain'] }).success).toBe(false);
  });
});
