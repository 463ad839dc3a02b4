// `npm run demo -- --tickets 100000 [--seed 7] [--out file.json]`: writes a demo data file (by default
// `.data/demo-<count>.json`, a git-ignored folder, so the checkout stays clean) in
// the backup format (shared/backup), so Settings > Backup imports it. Tickets are generated twice
// (the timeline table follows the tickets table in the file), which keeps memory flat at any size.
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { backupTableNames } from '../shared/backup';
import { demoBackupHeader, demoCustomerDirectory, demoEngineerDirectory, demoTickets, type DemoOptions, type DemoRules } from '../shared/demo';
import { escalationMatrixSchema } from '../shared/escalation/schema';
import { calendarPresetSchema } from '../shared/sla/calendar-schema';
import { parsePolicy, type Policy } from '../shared/policy';

export type DemoArgs = { tickets: number; seed: number; out: string };
export type DemoFileStats = { tickets: number; timeline: number; customers: number; engineers: number; bytes: number; ms: number };

const MAX_TICKETS = 2_000_000;
export const demoUsage = 'usage: npm run demo -- --tickets <count> [--seed <number>] [--out <file.json>]';

/** Reads the command line; throws with the usage for anything it does not understand. */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const [name, inline] = flag.split('=', 2) as [string, string | undefined];
    if (!['--tickets', '--seed', '--out'].includes(name)) throw new Error(`unknown argument "${flag}"\n${demoUsage}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value\n${demoUsage}`);
    values.set(name, value);
  }
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"\n${demoUsage}`);
    return n;
  };
  const tickets = int('--tickets', 1000, 1, MAX_TICKETS);
  return { tickets, seed: int('--seed', 7, 0, 2 ** 32 - 1), out: values.get('--out') ?? `.data/demo-${tickets}.json` };
}

/** The shipped policy presets, which the demo customers' contracts name. */
export function loadPresetPolicies(root: string): ReadonlyMap<string, Policy> {
  const dir = join(root, 'resources/presets/policies');
  const list = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => parsePolicy(JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown));
  return new Map(list.map((p) => [p.id, p]));
}

/**
 * The shipped calendars and escalation matrices, so the generated history already holds the SLA
 * alerts and automatic escalations the app would have recorded (it opens quiet, not catching up).
 */
export function loadPresetRules(root: string): DemoRules {
  const json = (d: string): unknown[] =>
    readdirSync(join(root, d))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(root, d, f), 'utf8')) as unknown);
  const calendars = json('resources/presets/calendars').map((r) => calendarPresetSchema.parse(r));
  return { calendars: Object.fromEntries(calendars.map((c) => [c.id, c.calendar])), matrices: json('resources/presets/escalation').map((r) => escalationMatrixSchema.parse(r)) };
}

/** Directory sizes that look like a real desk of that size. */
export function directorySizes(tickets: number): { customers: number; engineersPerRegion: number } {
  return { customers: Math.min(300, Math.max(20, Math.round(tickets / 400))), engineersPerRegion: Math.min(12, Math.max(3, Math.round(tickets / 8000))) };
}

/** Streams the file: header, then each table's rows, every table of the backup format present. */
export async function writeDemoFile(args: DemoArgs, policies: ReadonlyMap<string, Policy>, now: number, rules?: DemoRules): Promise<DemoFileStats> {
  const t0 = performance.now();
  const sizes = directorySizes(args.tickets);
  const customers = demoCustomerDirectory(sizes.customers, args.seed);
  const engineers = demoEngineerDirectory(sizes.engineersPerRegion, args.seed + 1);
  const options: DemoOptions = { tickets: args.tickets, seed: args.seed, now, policies, histories: true, customers, engineers, ...(rules ? { rules } : {}) };
  mkdirSync(dirname(resolve(args.out)), { recursive: true });
  const out = createWriteStream(args.out);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  const stats = { tickets: 0, timeline: 0, customers: customers.length, engineers: engineers.length };
  const writeRows = async (rows: Iterable<unknown>): Promise<number> => {
    let n = 0;
    let batch: string[] = [];
    for (const row of rows) {
      batch.push(JSON.stringify(row));
      if (++n % 1000 === 0) {
        await write((n > 1000 ? ',' : '') + batch.join(','));
        batch = [];
      }
    }
    if (batch.length) await write((n > batch.length ? ',' : '') + batch.join(','));
    return n;
  };
  await write(`${JSON.stringify(demoBackupHeader(now)).slice(0, -1)},"tables":{`);
  for (const [i, table] of backupTableNames.entries()) {
    await write(`${i ? ',' : ''}${JSON.stringify(table)}:[`);
    if (table === 'customers') await writeRows(customers);
    else if (table === 'engineers') await writeRows(engineers);
    else if (table === 'tickets') stats.tickets = await writeRows((function* () { for (const d of demoTickets(options)) yield d.ticket; })());
    else if (table === 'timeline') stats.timeline = await writeRows((function* () { for (const d of demoTickets(options)) yield* d.events; })());
    else if (table === 'visits') await writeRows((function* () { for (const d of demoTickets(options)) yield* d.visits ?? []; })());
    await write(']');
  }
  await write('}}\n');
  out.end();
  await once(out, 'finish');
  return { ...stats, bytes, ms: performance.now() - t0 };
}

async function main(): Promise<void> {
  let args: DemoArgs;
  try {
    args = parseDemoArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
    return;
  }
  const root = resolve(import.meta.dirname, '..');
  const s = await writeDemoFile(args, loadPresetPolicies(root), Date.now(), loadPresetRules(root));
  const mb = (s.bytes / 1024 / 1024).toFixed(1);
  console.log(`wrote ${resolve(args.out)} (${mb} MB) in ${(s.ms / 1000).toFixed(1)} s`);
  console.log(`  ${s.tickets} tickets, ${s.timeline} timeline events, ${s.customers} customers, ${s.engineers} engineers (seed ${args.seed})`);
  console.log('  import it in Settings > Backup (a fresh profile takes it whole; otherwise it is merged).');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
