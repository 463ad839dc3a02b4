export type { MailDraft } from './draft';
export { mailDraftSchema } from './draft';
export { renderEml, formatRfc5322Date } from './eml';
export { renderMailto } from './mailto';
export { InvalidAddressError, isValidEmailAddress } from './address';
