import { test, expect, type Browser, type Page } from '@playwright/test';
import { startSyncServer, type RunningSyncServer } from './support/sync-server';
import { dovecotAvailable, startDovecot, type Dovecot } from '../mail/dovecot.test-support';
import { startSmtpSink, type SmtpSink } from '../mail/smtp.test-support';

// Customer mail end to end: a real IMAP server (dovecot) and SMTP server on loopback, the real
// sync server polling and sending, the web app in Chromium. The admin sets up the mailbox in
// Settings › Mail; a customer's mail appears as a ticket on the agent's device; the agent replies
// from the ticket and the SMTP server receives it, threaded to the customer's message.

const MAILBOX = 'support@example.com';
const IMAP_PASSWORD = 'imap-secret-1';
const SMTP_PASSWORD = 'smtp-secret';
const TUNNEL_LOG = Buffer.from('10:00 tunnel down\n11:00 tunnel down\n');
const NEW_CONFIG = Buffer.from('crypto ipsec rekey 3600\n');

let server: RunningSyncServer;
let imap: Dovecot;
let smtp: SmtpSink;
test.skip(!dovecotAvailable, 'dovecot is not installed (.ci/run installs dovecot-imapd)');
test.beforeAll(async () => {
  test.setTimeout(150_000);
  [imap, smtp] = await Promise.all([startDovecot({ [MAILBOX]: IMAP_PASSWORD }), startSmtpSink(MAILBOX, SMTP_PASSWORD)]);
  server = await startSyncServer({ MAIL_POLL_SECONDS: '2' });
});
test.afterAll(async () => {
  await Promise.all([server?.stop(), imap?.stop(), smtp?.stop()]);
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto('/#/settings/sync');
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#root').getByText(`Signed in as ${email}.`)).toBeVisible({ timeout: 30_000 });
  return page;
}

test('a customer mail with a file becomes a ticket on the agent’s device, and the agent replies with an attachment that reaches the customer threaded', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await signedIn(browser, 'admin@example.com');
  await admin.getByRole('link', { name: 'Mail', exact: true }).click();
  await admin.getByRole('button', { name: 'Add a mailbox' }).click();
  const form = admin.getByRole('form', { name: 'New mailbox' });
  await form.getByLabel('Name shown to customers').fill('Example Support');
  await form.getByLabel('IMAP server').fill('127.0.0.1');
  await form.getByLabel('IMAP port').fill(String(imap.port));
  await form.getByLabel('Encryption IMAP').selectOption('none');
  await form.getByLabel('IMAP user').fill(MAILBOX);
  await form.getByLabel('IMAP password').fill(IMAP_PASSWORD);
  await form.getByLabel('SMTP server').fill('127.0.0.1');
  await form.getByLabel('SMTP port').fill(String(smtp.port));
  await form.getByLabel('Encryption SMTP').selectOption('none');
  await form.getByLabel('SMTP user (empty: no sign-in)').fill(MAILBOX);
  await form.getByLabel('SMTP password').fill(SMTP_PASSWORD);
  await form.getByLabel('Sender address').fill(MAILBOX);
  await form.getByLabel('Severity').fill('3');
  await form.getByLabel('Region').fill('apac-cjks');
  await form.getByLabel('Product line').fill('edge-routers');
  await form.getByLabel('Product', { exact: true }).fill('unknown');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('IMAP: signed in; the folder holds 0 messages.', { timeout: 30_000 });
  await expect(form.getByRole('status')).toContainText('SMTP: signed in, ready to send.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByTestId('mailbox-support')).toContainText('Example Support');

  const agent = await signedIn(browser, 'agent@example.com');
  await imap.deliver(
    MAILBOX,
    [
      'From: Robin Reader <robin@customer.example.org>', `To: ${MAILBOX}`, 'Subject: VPN tunnel flaps every hour', 'Message-ID: <e2e-first@customer.example.org>', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="e2e-b"', '', '--e2e-b', 'Content-Type: text/html; charset=utf-8', '', '<p>The tunnel to <b>site B</b> drops hourly.</p><script>alert(1)</script>',
      '--e2e-b', 'Content-Type: text/plain; name="tunnel.log"', 'Content-Disposition: attachment; filename="tunnel.log"', 'Content-Transfer-Encoding: base64', '', TUNNEL_LOG.toString('base64'), '--e2e-b--', '',
    ].join('\r\n'),
  );
  await agent.goto('/#/queue/mail_triage');
  const row = agent.getByText('VPN tunnel flaps every hour');
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.click();
  // The customer's HTML arrives as text in the timeline: the words, no markup, no script.
  const firstMail = agent.locator('.timeline .event-note').filter({ hasText: 'robin@customer.example.org' });
  await expect(firstMail).toContainText('The tunnel to site B drops hourly.');
  await expect(firstMail).not.toContainText('alert');
  // The customer's file hangs on their mail's note.
  await expect(firstMail.getByTestId('attachment')).toHaveAttribute('data-name', 'tunnel.log');

  await agent.getByRole('button', { name: 'Send e-mail…' }).click();
  const compose = agent.getByRole('form', { name: 'Send e-mail' });
  await expect(compose.getByLabel('To', { exact: true })).toHaveValue('robin@customer.example.org');
  await compose.getByLabel('Message').fill('We are looking at the tunnel now.');
  await compose.getByTestId('mail-attachment-input').setInputFiles({ name: 'new-config.txt', mimeType: 'text/plain', buffer: NEW_CONFIG });
  await expect(compose.getByRole('list', { name: 'Files to send (1)' })).toContainText('new-config.txt');
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(agent.getByRole('status').filter({ hasText: 'The e-mail is queued' })).toHaveText('The e-mail is queued; the timeline shows when it was sent.');

  const [mail] = await smtp.waitFor(1, 60_000);
  expect(mail?.to).toEqual(['robin@customer.example.org']);
  expect(mail?.parsed.subject).toMatch(/^\[SD-[A-Z0-9]+-\d{4,}\] VPN tunnel flaps every hour$/);
  expect(mail?.parsed.inReplyTo).toBe('<e2e-first@customer.example.org>');
  expect(mail?.parsed.text?.trim()).toBe('We are looking at the tunnel now.');
  // The agent's file arrived as a MIME part, byte for byte.
  expect(mail?.parsed.attachments.map((a) => a.filename)).toEqual(['new-config.txt']);
  expect(Buffer.from(mail?.parsed.attachments[0]?.content ?? []).equals(NEW_CONFIG)).toBe(true);
  await expect(agent.getByText('E-mail sent to robin@customer.example.org: VPN tunnel flaps every hour')).toBeVisible({ timeout: 60_000 });
});
