export type { MailDraft } from './draft';
export { mailDraftSchema } from './draft';
export { renderEml, formatRfc5322Date } from './eml';
export { renderMailto } from './mailto';
export { InvalidAddressError, isValidEmailAddress } from './address';
export { classifyInbound, foldQuotedHistory, matchCustomer, normalizeMessageId, subjectWithTicketId, ticketIdInSubject, UNKNOWN_SENDER_CUSTOMER, type InboundHeaders, type InboundKind, type MailCustomer, type OwnMail } from './inbound';
export { mailSystemUserId, MAIL_SYSTEM_USER_PREFIX, mailPurposes, outboundMailId, outboundAttachmentSchema, outboundMailSchema, type OutboundAttachment, type OutboundMail } from './outbound';
export { mailboxSaveSchema, mailboxSettingsSchema, mailboxViewSchema, mailSecurity, type MailboxSave, type MailboxSettings, type MailboxView } from './mailbox-settings';
export { checkCustomerMailDomains, isValidMailDomain, normalizeMailDomainEntry, type CustomerMailEntries, type MailDomainsCheck } from './email-domains';
