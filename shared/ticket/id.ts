/**
 * Ticket ids are minted offline, so they combine the minting client's short id with its own
 * sequence: two clients can never produce the same id and the id is readable on the phone.
 */
export function formatTicketId(clientShortId: string, sequence: number): string {
  if (!/^[A-Z0-9]{4,8}$/.test(clientShortId)) throw new RangeError(`client short id must be 4-8 of A-Z0-9, got "${clientShortId}"`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`ticket sequence must be a whole number >= 1, got ${sequence}`);
  return `SD-${clientShortId}-${String(sequence).padStart(4, '0')}`;
}

/** Derives a stable 6-character short id from a client id (a UUID); uppercase base36. */
export function clientShortId(clientId: string): string {
  let h = 2166136261;
  for (let i = 0; i < clientId.length; i++) {
    h ^= clientId.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(36).toUpperCase().padStart(6, '0').slice(-6);
}
