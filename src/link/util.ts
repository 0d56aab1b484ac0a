import { createHash } from "node:crypto";

/** Code-unit order, the same in every locale (and the same as PostgreSQL's "C" collation). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A short stable id part: the first 12 hex digits of the SHA-1 of `s`. */
export function shortHash(s: string): string {
  return createHash("sha1").update(s).digest("hex").slice(0, 12);
}

/** Appends `value` to the list under `key`, creating it. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
