import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateBackup } from '../shared/backup';
import { ticketSchema } from '../shared/ticket';
import { timelineEventSchema } from '../shared/ticket/timeline';
import { loadPresetPolicies, parseDemoArgs, writeDemoFile } from './demo';

const dir = mkdtempSync(join(tmpdir(), 'sd-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('reads --tickets, --seed and --out (with defaults) and refuses anything else with the usage', () => {
    expect(parseDemoArgs(['--tickets', '100000', '--seed', '3', '--out', 'x.json'])).toEqual({ tickets: 100000, seed: 3, out: 'x.json' });
    expect(parseDemoArgs(['--tickets=2500'])).toEqual({ tickets: 2500, seed: 7, out: '.data/demo-2500.json' });
    expect(() => parseDemoArgs(['--tickets', '0'])).toThrow(/whole number from 1/);
    expect(() => parseDemoArgs(['--tickets', 'many'])).toThrow(/usage/);
    expect(() => parseDemoArgs(['--tickets'])).toThrow(/needs a value/);
    expect(() => parseDemoArgs(['--ticket', '5'])).toThrow(/unknown argument "--ticket"/);
  });

  it('writes a backup-format file whose every ticket passes ticketSchema and every event timelineEventSchema', async () => {
    const out = join(dir, 'demo.json');
    const now = Date.UTC(2026, 5, 15, 10, 0);
    const stats = await writeDemoFile({ tickets: 2000, seed: 7, out }, loadPresetPolicies(resolve(import.meta.dirname, '..')), now);
    const raw = JSON.parse(readFileSync(out, 'utf8')) as { tables: { tickets: unknown[]; timeline: unknown[] } };
    expect(raw.tables.tickets).toHaveLength(2000);
    expect(stats).toMatchObject({ tickets: 2000, timeline: raw.tables.timeline.length });
    for (const t of raw.tables.tickets) expect(ticketSchema.safeParse(t).success).toBe(true);
    for (const e of raw.tables.timeline) expect(timelineEventSchema.safeParse(e).success).toBe(true);
    // The same checks Settings > Backup runs before importing (row schemas, unique ids, header).
    const check = validateBackup(raw, 3);
    expect(check.ok ? [] : check.issues).toEqual([]);
    expect(check.ok && check.file.tables.customers.length).toBe(stats.customers);
    expect(check.ok && check.file.tables.outbox).toEqual([]);
  });
});
