import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort } from './dovecot.test-support';

// A real SMTP server in process on 127.0.0.1 (the smtp-server package): it speaks the protocol
// nodemailer talks to, and keeps what it received for the test to read back.

export type Received = { from: string; to: string[]; raw: string; parsed: ParsedMail };
export type SmtpSink = { port: number; received: Received[]; refuse: Set<string>; stop: () => Promise<void>; waitFor: (n: number, ms?: number) => Promise<Received[]> };

export async function startSmtpSink(user = 'support@example.com', pass = 'smtp-secret'): Promise<SmtpSink> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user });
      else cb(new Error('invalid credentials'));
    },
    onRcptTo(address, _session, cb) {
      if (refuse.has(address.address)) {
        const err = new Error(`mailbox ${address.address} does not exist`) as Error & { responseCode: number };
        err.responseCode = 550;
        cb(err);
      } else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
          cb();
        });
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    received,
    refuse,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
    async waitFor(n, ms = 10_000) {
      const until = Date.now() + ms;
      while (received.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return received;
    },
  };
}
