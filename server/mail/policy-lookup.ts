import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policySchema, type Policy } from '../../shared/policy/schema';
import type { Queryable } from '../db/types';

// Every device ships the preset policies; a tenant adds or overrides its own. A ticket the server
// opens from mail must find the policy a device would, or its clocks would differ.
const presetDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'presets', 'policies');

let presets: Map<string, Policy> | undefined;
function presetPolicies(): Map<string, Policy> {
  if (!presets) {
    presets = new Map();
    for (const f of readdirSync(presetDir).filter((n) => n.endsWith('.json'))) {
      const p = policySchema.safeParse(JSON.parse(readFileSync(join(presetDir, f), 'utf8')));
      if (p.success) presets.set(p.data.id, p.data);
    }
  }
  return presets;
}

/** The tenant's own policy of that id, else the shipped preset, else undefined. */
export async function findPolicy(tx: Queryable, tenantId: string, id: string): Promise<Policy | undefined> {
  const [row] = await tx.query<{ data: unknown }>(`SELECT data FROM entities WHERE tenant_id = $1 AND tbl = 'policies' AND id = $2 AND NOT deleted`, [tenantId, id]);
  const own = policySchema.safeParse(row?.data);
  return own.success ? own.data : presetPolicies().get(id);
}
