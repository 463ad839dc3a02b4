import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^logN, block size r, parallelism p. */
export type ScryptParams = { logN: number; r: number; p: number };

/**
 * Current guidance for interactive logins (N = 2^17, r = 8, p = 1: about 128 MiB and a few
 * hundred milliseconds per hash). Stored with every hash, so raising it later only rehashes
 * each account at its next successful login.
 */
export const RECOMMENDED_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };
/** Hashes written before parameters were stored used Node's defaults. */
const LEGACY_SCRYPT: ScryptParams = { logN: 14, r: 8, p: 1 };
const KEY_LENGTH = 32;

/**
 * The cost new hashes get. Test runs (NODE_ENV=test) may lower it with SD_SCRYPT_LOG_N so hundreds
 * of throwaway accounts do not each cost 128 MiB; a production server ignores the variable.
 */
export function currentScrypt(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  const logN = Number(env.SD_SCRYPT_LOG_N);
  if (env.NODE_ENV === 'test' && Number.isInteger(logN) && logN >= 4 && logN <= 20) return { ...RECOMMENDED_SCRYPT, logN };
  return RECOMMENDED_SCRYPT;
}

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node refuses more than 32 MiB by default; scrypt needs 128 * N * r bytes plus a margin.
  const options: ScryptOptions = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: 256 * 2 ** params.logN * params.r };
  return new Promise((resolve, reject) => scryptCb(password, salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$ln=<logN>,r=<r>,p=<p>$<salt b64>$<hash b64>`; the algorithm and its cost travel with the hash. */
export async function hashPassword(password: string, params: ScryptParams = currentScrypt()): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, params);
  return `scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

type Parsed = { params: ScryptParams; salt: Buffer; hash: Buffer };

function parseHash(stored: string): Parsed | undefined {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return undefined;
  if (parts.length === 3) return { params: LEGACY_SCRYPT, salt: Buffer.from(parts[1] ?? '', 'base64'), hash: Buffer.from(parts[2] ?? '', 'base64') };
  const m = /^ln=(\d+),r=(\d+),p=(\d+)$/.exec(parts[1] ?? '');
  if (parts.length !== 4 || !m) return undefined;
  const params = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // A corrupt row must not make one login allocate gigabytes.
  if (params.logN < 1 || params.logN > 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return undefined;
  return { params, salt: Buffer.from(parts[2] ?? '', 'base64'), hash: Buffer.from(parts[3] ?? '', 'base64') };
}

const sameParams = (a: ScryptParams, b: ScryptParams) => a.logN === b.logN && a.r === b.r && a.p === b.p;

/** Checks a password; `rehash` says the stored hash was made with other parameters than `current`. */
export async function verifyPassword(password: string, stored: string, current: ScryptParams = currentScrypt()): Promise<{ ok: boolean; rehash: boolean }> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.hash.length === 0) return { ok: false, rehash: false };
  const actual = await scrypt(password, parsed.salt, parsed.params);
  const ok = actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
  return { ok, rehash: ok && !sameParams(parsed.params, current) };
}

const dummies = new Map<string, Promise<string>>();
/**
 * A hash of a random password at the current cost. Checking a password against it costs the same
 * as against a real account, so an unknown e-mail answers no faster than a known one.
 */
export function dummyHash(params: ScryptParams = currentScrypt()): Promise<string> {
  const key = `${params.logN},${params.r},${params.p}`;
  let h = dummies.get(key);
  if (!h) {
    h = hashPassword(randomBytes(18).toString('base64'), params);
    dummies.set(key, h);
  }
  return h;
}
