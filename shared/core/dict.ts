/**
 * A string-keyed record whose keys may come from a client: stimulus ids, cells, FINESS numbers, session ids.
 *
 * Why not `Record<string, V>`: `record[id]` with `id = "constructor"` returns `Object.prototype.constructor`,
 * a function, where the code expects "no such item"; with `"__proto__"` an assignment replaces the prototype.
 * One such id once bricked a room (issue 11). A `Dict` has no plain string index signature, so `dict[id]` does
 * not compile: every read goes through {@link dictGet} / {@link dictHas}, which look at own keys only, and
 * every write through {@link dictSet}, which builds a null-prototype copy. On the wire it is plain JSON, and a
 * plain object received from JSON is a valid `Dict` (reads stay own-key only).
 */
export type Dict<V> = { readonly [key: `\u0000${string}`]: V };

/** A new empty dict (null prototype: no inherited key at all). */
export function emptyDict<V>(): Dict<V> {
  return Object.create(null) as Dict<V>;
}

/** The value stored under `key`, or undefined — never an inherited property of `Object.prototype`. */
export function dictGet<V>(dict: Dict<V> | null | undefined, key: string): V | undefined {
  return dict && Object.hasOwn(dict, key) ? (dict as Readonly<Record<string, V>>)[key] : undefined;
}

export function dictHas(dict: Dict<unknown> | null | undefined, key: string): boolean {
  return !!dict && Object.hasOwn(dict, key);
}

/** A copy of `dict` with `key` set to `value` (defined as an own property, whatever the key's name). */
export function dictSet<V>(dict: Dict<V>, key: string, value: V): Dict<V> {
  const copy = Object.assign(Object.create(null) as Record<string, V>, dict);
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy as Dict<V>;
}

/** A copy of `dict` without `key`. */
export function dictDelete<V>(dict: Dict<V>, key: string): Dict<V> {
  if (!Object.hasOwn(dict, key)) return dict;
  const copy = Object.assign(Object.create(null) as Record<string, V>, dict);
  delete copy[key];
  return copy as Dict<V>;
}

/** A dict from `[key, value]` pairs; a later pair wins over an earlier one with the same key. */
export function dictFrom<V>(entries: Iterable<readonly [string, V]>): Dict<V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out as Dict<V>;
}

/** A copy of `dict` with every value mapped. */
export function dictMap<V, W>(dict: Dict<V>, map: (value: V, key: string) => W): Dict<W> {
  return dictFrom(Object.entries(dict).map(([key, value]) => [key, map(value, key)] as const));
}

/** The values stored under `keys`, in that order, skipping keys the dict does not hold (e.g. an `order` list). */
export function dictPick<V>(dict: Dict<V> | null | undefined, keys: Iterable<string>): V[] {
  const out: V[] = [];
  for (const key of keys) {
    const value = dictGet(dict, key);
    if (value !== undefined) out.push(value);
  }
  return out;
}

/** A dict holding the own keys of a plain record (fixtures, parsed JSON). */
export function dictOf<V>(record: Readonly<Record<string, V>>): Dict<V> {
  return dictFrom(Object.entries(record));
}

/**
 * `record[key]` for a fixed lookup table (aliases, labels, categories) read with a key from a file or a client:
 * own keys only, so `"constructor"` is simply not in the table.
 */
export function ownValue<V>(record: Readonly<Partial<Record<string, V>>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
