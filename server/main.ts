// `npm run server`: the sync server. PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in .data/server.
// `tsx server/main.ts create-user --tenant acme --email a@example.com --role agent --region north --password ... [--calendar id] [--skills a,b]`
import { parseArgs } from 'node:util';
import { userRoleSchema } from '../shared/directory/schema';
import { createServer } from './app';
import { createUser, DEFAULT_ENGINEER_CALENDAR } from './auth';
import { knownCalendarIds } from './calendars';
import { listen } from './http';
import { openDb } from './open-db';
import { DEMO_PASSWORD, DEMO_TENANT, demoUsers, seedDemoIfEmpty } from './seed';

async function createUserCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { tenant: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, region: { type: 'string', default: 'default' }, password: { type: 'string' }, calendar: { type: 'string', default: DEFAULT_ENGINEER_CALENDAR }, skills: { type: 'string', default: '' } },
  });
  const role = userRoleSchema.safeParse(values.role);
  if (!values.tenant || !values.email || !values.password || !role.success) {
    console.error('usage: tsx server/main.ts create-user --tenant <id> --email <email> --role agent|dispatcher|field_engineer|admin --password <pw> [--region <r>] [--name <n>] [--calendar <calendar id>] [--skills <product line,...>]');
    process.exitCode = 2;
    return;
  }
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
    const u = await createUser(db, { tenant: values.tenant, email: values.email, name: values.name, role: role.data, region: values.region ?? 'default', password: values.password, calendarId, skills });
    console.log(`created ${u.role} ${u.email} in tenant ${u.tenantId} (id ${u.id})`);
  } finally {
    await db.close();
  }
}

async function serveCommand(): Promise<void> {
  const db = await openDb(process.env);
  if (!process.env.DATABASE_URL && (await seedDemoIfEmpty(db))) {
    console.log(`seeded tenant "${DEMO_TENANT}": ${demoUsers.map((u) => u.email).join(', ')} (password "${DEMO_PASSWORD}")`);
  }
  const server = createServer({ db });
  const port = Number(process.env.PORT ?? 8787);
  const http = await listen(server, port, process.env.HOST ?? '127.0.0.1');
  console.log(`sync server on ${http.url} (${db.kind})`);
  const stop = async () => {
    await http.close();
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (process.argv[2] === 'create-user') await createUserCommand(process.argv.slice(3));
else await serveCommand();
