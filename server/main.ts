// `npm run server [-- --demo] [-- --cors-origin <origin>]`: the sync server. PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in .data/server.
// `tsx server/main.ts create-user --tenant acme --email a@example.com --role agent [--region r] [--calendar id] [--skills a,b]` (password from a prompt or stdin)
import { parseArgs } from 'node:util';
import { userRoleSchema } from '../shared/directory/schema';
import { createServer } from './app';
import { AccountError, createUser, DEFAULT_ENGINEER_CALENDAR } from './auth';
import { knownCalendarIds } from './calendars';
import { lockDataDir, lockHolder } from './data-lock';
import { listen } from './http';
import { DEFAULT_DATA_DIR, openDb } from './open-db';
import { DEFAULT_ALLOWED_ORIGINS, parseOrigins } from './origins';
import { readPassword } from './read-password';
import { createAttachmentStore, databasePieces, folderPieces } from './attachments';
import { startMailService } from './mail/mail-service';
import { createSecretBox, loadMailKey } from './mail/secret-box';
import { DEMO_PASSWORD, DEMO_TENANT, demoUsers, seedDemoIfEmpty } from './seed';

const USAGE = 'usage: tsx server/main.ts create-user --tenant <id> --email <email> --role agent|dispatcher|field_engineer|admin [--region <r>] [--name <n>] [--calendar <calendar id>] [--skills <product line,...>]\nThe password is asked for (not shown as you type) or read from the first line of stdin.';

function fatal(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

async function createUserCommand(argv: string[]): Promise<void> {
  const parsed = (() => {
    try {
      return parseArgs({
        args: argv,
        options: { tenant: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, region: { type: 'string', default: 'default' }, password: { type: 'string' }, calendar: { type: 'string', default: DEFAULT_ENGINEER_CALENDAR }, skills: { type: 'string', default: '' } },
      });
    } catch (e) {
      return fatal(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    }
  })();
  const { values } = parsed;
  if (values.password !== undefined) fatal("--password is not accepted: a password on the command line is visible to every user of this machine (ps) and stays in shell history. Type it at the prompt, or pipe it: printf '%s\\n' \"$PASSWORD\" | npx tsx server/main.ts create-user ...");
  const role = userRoleSchema.safeParse(values.role);
  if (!values.tenant || !values.email || !role.success) fatal(USAGE);
  const dataDir = process.env.DATA_DIR ?? DEFAULT_DATA_DIR;
  if (!process.env.DATABASE_URL) {
    const holder = lockHolder(dataDir);
    if (holder !== undefined) fatal(`the embedded database in ${dataDir} is in use by a running sync server (pid ${holder}), and a user created now would be lost. Add people in the app (Settings › People, as an admin) while it runs, or stop the server first.`);
  }
  const password = await readPassword('Password (not shown): ').catch(() => fatal('cancelled'));
  if (process.stdin.isTTY && (await readPassword('Repeat it: ').catch(() => fatal('cancelled'))) !== password) fatal('the two passwords differ; nothing was created');
  const release = process.env.DATABASE_URL ? () => undefined : lockDataDir(dataDir);
  const db = await openDb(process.env);
  try {
    const calendarId = values.calendar ?? DEFAULT_ENGINEER_CALENDAR;
    const calendars = await knownCalendarIds(db, values.tenant);
    if (!calendars.includes(calendarId)) {
      console.error(`unknown calendar "${calendarId}": use one of ${calendars.join(', ')}`);
      process.exitCode = 2;
      return;
    }
    const skills = (values.skills ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    const u = await createUser(db, { tenant: values.tenant, email: values.email, name: values.name, role: role.data, region: values.region ?? 'default', password, calendarId, skills });
    console.log(`created ${u.role} ${u.email} in tenant ${u.tenantId} (id ${u.id})`);
  } catch (e) {
    if (!(e instanceof AccountError)) throw e;
    console.error(e.message);
    process.exitCode = 2;
  } finally {
    await db.close();
    release();
  }
}

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');

async function serveCommand(argv: string[]): Promise<void> {
  const { values } = (() => {
    try {
      return parseArgs({ args: argv, options: { demo: { type: 'boolean', default: false }, 'cors-origin': { type: 'string', multiple: true } } });
    } catch (e) {
      return fatal(`${e instanceof Error ? e.message : String(e)}\nusage: npm run server [-- --demo] [-- --cors-origin <origin> ...]`);
    }
  })();
  const host = process.env.HOST ?? '127.0.0.1';
  let allowedOrigins: readonly string[] = DEFAULT_ALLOWED_ORIGINS;
  try {
    const configured = parseOrigins([...(process.env.CORS_ORIGINS ? [process.env.CORS_ORIGINS] : []), ...(values['cors-origin'] ?? [])]);
    if (configured.length > 0) allowedOrigins = configured;
  } catch (e) {
    fatal(`CORS_ORIGINS / --cors-origin: ${e instanceof Error ? e.message : String(e)}`);
  }
  // The demo users share a published password: only a server nobody else can reach may have them.
  if (values.demo && !isLoopback(host)) fatal(`--demo is only for a server on loopback (HOST=127.0.0.1): its users' password is published in the README, and this server listens on ${host}`);
  const dataDir = process.env.DATA_DIR ?? DEFAULT_DATA_DIR;
  let release = () => undefined as void;
  if (!process.env.DATABASE_URL) {
    try {
      release = lockDataDir(dataDir);
    } catch (e) {
      fatal(e instanceof Error ? e.message : String(e));
    }
  }
  const db = await openDb(process.env);
  if (values.demo) {
    if (await seedDemoIfEmpty(db)) console.log(`seeded tenant "${DEMO_TENANT}": ${demoUsers.map((u) => u.email).join(', ')} (password "${DEMO_PASSWORD}")`);
    else console.log('demo not seeded: this database already has users');
  }
  const megabytes = (name: string): number | undefined => {
    const raw = process.env[name];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) return fatal(`${name} must be a positive number of megabytes, got "${raw}"`);
    return Math.floor(n * 1024 * 1024);
  };
  const maxFileBytes = megabytes('ATTACHMENT_MAX_MB');
  const tenantQuotaBytes = megabytes('ATTACHMENT_QUOTA_MB');
  const graceHours = process.env.ATTACHMENT_GRACE_HOURS;
  // Zero is allowed: bytes then wait for nothing (a server whose devices never go offline for long).
  if (graceHours !== undefined && (graceHours.trim() === '' || !(Number(graceHours) >= 0))) return fatal(`ATTACHMENT_GRACE_HOURS must be a number of hours (0 or more), got "${graceHours}"`);
  const orphanGraceMs = graceHours === undefined ? undefined : Math.floor(Number(graceHours) * 3600_000);
  const attachmentLimits = { ...(maxFileBytes ? { maxFileBytes } : {}), ...(tenantQuotaBytes ? { tenantQuotaBytes } : {}), ...(orphanGraceMs !== undefined ? { orphanGraceMs } : {}) };
  const mailSecrets = createSecretBox(loadMailKey(process.env, dataDir));
  // Beside the embedded database its bytes are files (the disk's speed); on PostgreSQL rows every instance shares.
  const attachmentsDir = process.env.ATTACHMENTS_DIR ?? (process.env.DATABASE_URL ? undefined : `${dataDir}-attachments`);
  const server = createServer({ db, allowedOrigins, trustProxy: process.env.TRUST_PROXY === '1', attachmentLimits, mailSecrets, ...(attachmentsDir ? { attachmentsDir } : {}) });
  // Mail attachments go into the same store (same place, limits and quota) as files added on devices.
  const mailStore = createAttachmentStore(db, attachmentLimits, attachmentsDir ? folderPieces(attachmentsDir, db.kind) : databasePieces(db.kind));
  const mail = startMailService({ db, secrets: mailSecrets, store: mailStore, pollSeconds: Number(process.env.MAIL_POLL_SECONDS ?? 60), idle: process.env.MAIL_IDLE !== '0' });
  const port = Number(process.env.PORT ?? 8787);
  const http = await listen(server, port, host);
  console.log(`sync server on ${http.url} (${db.kind}); browser origins allowed: ${allowedOrigins.join(', ')}`);
  const stop = async () => {
    await http.close();
    await mail.stop();
    await server.close();
    await db.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (process.argv[2] === 'create-user') await createUserCommand(process.argv.slice(3));
else await serveCommand(process.argv.slice(2));
