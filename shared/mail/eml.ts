import { checkAddresses } from './address';
import type { MailDraft } from './draft';
import { addressListHeader, unstructuredHeader } from './header';
import { quotedPrintable } from './quoted-printable';
import { fnv1a } from './utf8';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** RFC 5322 date-time in UTC, e.g. `Tue, 01 Jul 2025 09:05:00 +0000`. */
export function formatRfc5322Date(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Mail draft date is not a valid date');
  const day = DAYS[date.getUTCDay()] ?? 'Sun';
  const month = MONTHS[date.getUTCMonth()] ?? 'Jan';
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day}, ${two(date.getUTCDate())} ${month} ${date.getUTCFullYear()} ${time} +0000`;
}

/**
 * Renders a draft as an RFC 5322 message (.eml, CRLF line ends) that mail clients open as an
 * unsent draft. Throws InvalidAddressError (naming the address) before producing anything.
 * Without `draft.date` the current time is used.
 */
export function renderEml(draft: MailDraft): string {
  const to = checkAddresses(draft.to, 'to');
  const cc = checkAddresses(draft.cc ?? [], 'cc');
  const date = draft.date ?? new Date();
  const dateHeader = formatRfc5322Date(date);
  const body = quotedPrintable(draft.body);
  // Deterministic: the same draft at the same instant gets the same id, so re-rendering is stable.
  const idSeed = [to.join(','), cc.join(','), draft.subject, draft.body, String(date.getTime())].join('\n');
  const messageId = `<${fnv1a(idSeed)}.${date.getTime().toString(36)}@service-desk.invalid>`;

  const headers = [
    ...(to.length > 0 ? [addressListHeader('To', to)] : []),
    ...(cc.length > 0 ? [addressListHeader('Cc', cc)] : []),
    unstructuredHeader('Subject', draft.subject),
    `Date: ${dateHeader}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    'X-Unsent: 1',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}
