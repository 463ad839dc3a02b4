export { MailSettings } from './MailSettings';
export { SendMail } from './SendMail';
