import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ImapFlow } from 'imapflow';

// A real IMAP server for the tests: Debian's dovecot, started on 127.0.0.1 with a throw-away
// configuration, a password file and maildirs in a temp folder. As an ordinary user it runs as
// that user; as root it runs its processes as the package's own dovecot users.

export const DOVECOT = '/usr/sbin/dovecot';
export const dovecotAvailable = existsSync(DOVECOT);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export type Dovecot = { host: string; port: number; users: Record<string, string>; stop: () => Promise<void>; client: (user: string) => ImapFlow; deliver: (user: string, raw: string, folder?: string) => Promise<void> };

function idOf(name: string, flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, name]).toString().trim());
}

export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'sd-dovecot-'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const me = userInfo().username;
  const internal = root ? 'dovecot' : me;
  const login = root ? 'dovenull' : me;
  const mailUid = root ? idOf('dovecot', '-u') : (process.getuid?.() ?? 1000);
  const mailGid = root ? idOf('dovecot', '-g') : (process.getgid?.() ?? 1000);
  for (const d of ['run', 'state', 'home']) mkdirSync(join(dir, d), { recursive: true });
  if (root) {
    chmodSync(dir, 0o755);
    chownSync(join(dir, 'home'), mailUid, mailGid);
  }
  writeFileSync(join(dir, 'passwd'), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}:::::\n`).join(''));
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internal}
default_internal_group = ${root ? 'dovecot' : (execFileSync('id', ['-gn']).toString().trim())}
default_login_user = ${login}
first_valid_uid = 1
first_valid_gid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
  );
  const proc: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  proc.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const client = (user: string) => new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass: users[user] ?? '' }, logger: false });
  // Ready once a login works.
  const started = Date.now();
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`dovecot exited: ${output}${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''}`);
    const first = Object.keys(users)[0] ?? '';
    const c = client(first);
    const ok = await c.connect().then(
      () => true,
      () => false,
    );
    if (ok) {
      await c.logout();
      break;
    }
    if (Date.now() - started > 20_000) {
      proc.kill('SIGTERM');
      throw new Error(`dovecot did not start: ${output}${readFileSync(join(dir, 'dovecot.log'), 'utf8').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    users,
    client,
    async deliver(user, raw, folder = 'INBOX') {
      const c = client(user);
      await c.connect();
      try {
        await c.append(folder, raw);
      } finally {
        await c.logout();
      }
    },
    async stop() {
      if (proc.exitCode === null) {
        const gone = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
