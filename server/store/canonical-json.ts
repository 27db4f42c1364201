/**
 * JSON with object keys sorted at every level: the same value always gives the same text,
 * whatever the key order it was built or parsed with. The hash chain is computed over it.
 *
 * Every own enumerable key is encoded, including `__proto__`, `constructor` and the other names of
 * `Object.prototype`: `JSON.parse` keeps `"__proto__"` as an own key and the store writes it back, so the hash
 * must cover it too. (A plain `{}` copy would have turned `out.__proto__ = …` into a prototype change and
 * silently dropped the key from what is hashed, while it stayed in what is stored.)
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // Null prototype: assigning any key, `__proto__` included, creates an own property that JSON.stringify writes.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) {
    const v: unknown = Reflect.get(value, key);
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}
