import { isValidEmailAddress } from './address';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** True for a host name mail can come from: at least two dot-separated labels, a top-level domain that is not all digits. */
export function isValidMailDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

/** One entry as stored and matched: trimmed, lower case, without a leading "@". */
export function normalizeMailDomainEntry(entry: string): string {
  return entry.trim().toLowerCase().replace(/^@/, '');
}

export type CustomerMailEntries = { id: string; name: string; emailDomains?: readonly string[] | undefined };

export type MailDomainsCheck =
  | { ok: true; entries: string[] }
  | { ok: false; code: 'mail_domain_syntax'; entry: string }
  | { ok: false; code: 'mail_domain_taken'; entry: string; customer: string };

/**
 * Checks the addresses and domains a customer's mail comes from before they are saved. Each must
 * be a real domain (`acme.example.com`) or a plain address (`ops@acme.example.com`); repeats are
 * dropped; an entry another customer already has is refused with that customer's name, because
 * the support mailbox could not tell whose mail it is and would file it under the wrong one.
 */
export function checkCustomerMailDomains(customerId: string, raw: readonly string[], customers: readonly CustomerMailEntries[]): MailDomainsCheck {
  const entries: string[] = [];
  for (const r of raw) {
    const entry = normalizeMailDomainEntry(r);
    if (entry === '' || entries.includes(entry)) continue;
    if (!(entry.includes('@') ? isValidEmailAddress(entry) : isValidMailDomain(entry))) return { ok: false, code: 'mail_domain_syntax', entry };
    const other = customers.find((c) => c.id !== customerId && (c.emailDomains ?? []).some((d) => normalizeMailDomainEntry(d) === entry));
    if (other) return { ok: false, code: 'mail_domain_taken', entry, customer: other.name };
    entries.push(entry);
  }
  return { ok: true, entries };
}
