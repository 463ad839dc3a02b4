// Text that JSON carries but PostgreSQL's jsonb cannot store: U+0000 and lone UTF-16 surrogates
// (half of an emoji cut by a length limit or a bad paste). One rule, applied by the device before
// it stores a change and by the server when a push arrives, so both sides hold the same text and a
// change carrying such text can never be refused by the database over and over.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NUL = /\u0000/g;
const NEEDS_CHANGE = /[\u0000\uD800-\uDFFF]/;

/** The text as it will be stored: lone surrogates become U+FFFD (the replacement character), U+0000 is removed. */
export function storableText(s: string): string {
  // Fast path first: almost every string needs nothing.
  if (!NEEDS_CHANGE.test(s)) return s;
  return s.replace(LONE_SURROGATE, '\uFFFD').replace(NUL, '');
}

/** Whether `s` is already stored as written (storableText would not change it). */
export function isStorableText(s: string): boolean {
  return storableText(s) === s;
}

/**
 * A copy of a JSON-like value with every string (object keys included) made storable. Returns
 * the same value when nothing needed a change, so the common case allocates nothing.
 */
export function toStorable<T>(value: T): T {
  return normalise(value) as T;
}

function normalise(v: unknown): unknown {
  if (typeof v === 'string') return storableText(v);
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const n = normalise(v[i]);
      if (n !== v[i]) (out ??= v.slice())[i] = n;
    }
    return out ?? v;
  }
  // Only plain data (what JSON yields): anything else is left alone rather than flattened.
  if (v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null)) {
    let changed = false;
    const entries = Object.entries(v).map(([k, x]) => {
      const nk = storableText(k);
      const nx = normalise(x);
      if (nk !== k || nx !== x) changed = true;
      return [nk, nx] as const;
    });
    return changed ? Object.fromEntries(entries) : v;
  }
  return v;
}
