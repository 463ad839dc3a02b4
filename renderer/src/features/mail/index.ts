export { MailSettings } from './MailSettings';
export { SendMail } from './SendMail';
export { CustomerMailDomains } from './CustomerMailDomains';
