/** Thrown when a draft holds something that is not a plain e-mail address; names the address. */
export class InvalidAddressError extends Error {
  override readonly name = 'InvalidAddressError';
  constructor(
    readonly address: string,
    readonly field: 'to' | 'cc',
  ) {
    super(`Not a valid e-mail address in ${field}: ${JSON.stringify(address)}`);
  }
}

// Deliberately a plain ASCII addr-spec (dot-atom local part, dotted host name): no display names,
// no quoted local parts, no comments. Anything else could smuggle header syntax (CR, LF, ',', '<')
// into a rendered message, and every address the desk uses fits this shape.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*$`);
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** True when `address` is a plain ASCII addr-spec such as `jane.doe@example.com`. */
export function isValidEmailAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL.test(local)) return false;
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  // The top-level domain is never all digits (that would be an IP address in disguise).
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

/** Trims each address and checks it; throws InvalidAddressError naming the first bad one. */
export function checkAddresses(addresses: readonly string[], field: 'to' | 'cc'): string[] {
  return addresses.map((raw) => {
    const address = raw.trim();
    if (!isValidEmailAddress(address)) throw new InvalidAddressError(raw, field);
    return address;
  });
}
