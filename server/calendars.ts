import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db/types';

const presetDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'presets', 'calendars');

/** Calendar ids every device knows: the shipped presets plus the tenant's own (admin-published) calendars. */
export async function knownCalendarIds(db: Db, tenant: string): Promise<string[]> {
  const presets = readdirSync(presetDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => (JSON.parse(readFileSync(join(presetDir, f), 'utf8')) as { id: string }).id);
  const own = await db.query<{ id: string }>(`SELECT id FROM entities WHERE tenant_id = $1 AND tbl = 'calendars' AND NOT deleted`, [tenant]);
  return [...new Set([...presets, ...own.map((r) => r.id)])].sort();
}
