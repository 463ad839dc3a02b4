// Attachment upload and download throughput through the real server over HTTP on 127.0.0.1
// (embedded PGlite in a temporary folder, as `npm run server` runs by default), next to a raw file
// copy of the same bytes on the same disk in the same run. Rounds alternate, so load from other
// processes on the machine hits all three alike. Uploads go the way the app sends them: 1 MiB
// pieces, each confirmed before the next.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../../server/app';
import { createUser } from '../../server/auth';
import { createPgliteDb } from '../../server/db/pglite';
import { migrate } from '../../server/db/migrate';
import { listen } from '../../server/http';
import { uploadBytes } from '../../renderer/src/data/attachment-transfer';

const SIZE = 20 * 1024 * 1024;
const ROUNDS = 3;
const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sd-att-bench-'));
  const db = await createPgliteDb(join(dir, 'db'));
  await migrate(db);
  const server = createServer({ db });
  const http = await listen(server, 0);
  try {
    await createUser(db, { tenant: 'bench', email: 'bench@example.com', role: 'agent', region: 'north', password: 'bench-password' });
    const login = (await (await fetch(`${http.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'bench', email: 'bench@example.com', password: 'bench-password' }) })).json()) as { token: string };
    const access = { baseUrl: http.url, token: login.token, fetch };
    const up: number[] = [];
    const down: number[] = [];
    const copy: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Fresh bytes each round: the same bytes would be answered "already stored" at once.
      const bytes = new Uint8Array(randomBytes(SIZE));
      const sha = createHash('sha256').update(bytes).digest('hex');
      const src = join(dir, `src-${r}.bin`);
      await writeFile(src, bytes);
      let t = performance.now();
      await copyFile(src, join(dir, `copy-${r}.bin`));
      copy.push(performance.now() - t);
      t = performance.now();
      const state = await uploadBytes(access, sha, bytes);
      up.push(performance.now() - t);
      if (state.status !== 'complete') throw new Error('upload did not complete');
      t = performance.now();
      const res = await fetch(`${http.url}/attachments/${sha}`, { headers: { authorization: `Bearer ${login.token}` } });
      const got = new Uint8Array(await res.arrayBuffer());
      down.push(performance.now() - t);
      if (createHash('sha256').update(got).digest('hex') !== sha) throw new Error('downloaded bytes differ');
    }
    const raw = mbps(SIZE, median(copy));
    console.log(`file: ${SIZE / 1024 / 1024} MiB random bytes, ${ROUNDS} rounds, medians`);
    console.log(`raw file copy     ${raw.toFixed(0).padStart(6)} MiB/s`);
    console.log(`upload (1 MiB pieces, hash checked) ${mbps(SIZE, median(up)).toFixed(1).padStart(6)} MiB/s  (${(mbps(SIZE, median(up)) / raw).toFixed(3)}x raw copy)`);
    console.log(`download (whole file)               ${mbps(SIZE, median(down)).toFixed(1).padStart(6)} MiB/s  (${(mbps(SIZE, median(down)) / raw).toFixed(3)}x raw copy)`);
  } finally {
    await http.close();
    await server.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
