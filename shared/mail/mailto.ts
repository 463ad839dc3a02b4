import { checkAddresses } from './address';
import type { MailDraft } from './draft';
import { singleLine } from './header';
import { wellFormed } from './utf8';

// encodeURIComponent escapes everything outside the RFC 3986 unreserved set, which is what
// RFC 6068 asks for in hfvalues; '@' is put back in addresses because some clients show %40.
function encodeAddress(address: string): string {
  return encodeURIComponent(address).replace(/%40/g, '@');
}

/** Renders a draft as an RFC 6068 mailto: URL; body line breaks become %0D%0A, any UTF-8 round-trips. */
export function renderMailto(draft: MailDraft): string {
  const to = checkAddresses(draft.to, 'to');
  const cc = checkAddresses(draft.cc ?? [], 'cc');
  const params: string[] = [];
  if (cc.length > 0) params.push(`cc=${cc.map(encodeAddress).join(',')}`);
  if (draft.subject !== '') params.push(`subject=${encodeURIComponent(singleLine(draft.subject))}`);
  if (draft.body !== '') {
    const body = wellFormed(draft.body).replace(/\r\n|\r|\n/g, '\r\n');
    params.push(`body=${encodeURIComponent(body)}`);
  }
  const query = params.length > 0 ? `?${params.join('&')}` : '';
  return `mailto:${to.map(encodeAddress).join(',')}${query}`;
}
