/**
 * How a statement's parameters reach PGlite. PGlite's driver sends every parameter as text, and measures each
 * string's UTF-8 length in a JavaScript loop over its characters before copying it: for the megabytes of JSON that
 * one batch of linking sends (src/store/links.ts), that loop costs more than PostgreSQL's own parsing of the JSON.
 * A parameter given as bytes is copied as it is, in PostgreSQL's binary format, whose form for text, json and
 * varchar is the UTF-8 text itself (and for jsonb a version byte before it). So long strings are encoded once by
 * Node's native encoder and sent as bytes: the same values arrive, faster. Short strings, and every other value,
 * go as before.
 */
import type { QueryOptions } from "@electric-sql/pglite";

/** Below this many characters a string costs less to send as text than to encode and mark. */
const BINARY_FROM = 1024;

/** Types whose binary form is the UTF-8 text: text, varchar, bpchar, name, json. */
const PLAIN_TEXT_OIDS = [25, 1043, 1042, 19, 114];
const JSONB_OID = 3802;
/** jsonb's binary form: this version byte, then the text. */
const JSONB_VERSION = Buffer.from([1]);

/** The strings this module encoded, told apart from bytes a caller passes on purpose (a bytea value). */
const encoded = new WeakSet<Uint8Array>();

/** PGlite's serializer type says string; a Uint8Array is sent as it is, in binary format. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- PGlite declares its serializers so
type Serializer = (value: any) => string;
type Serializers = Record<number | string, Serializer>;

/**
 * Serializers for the queries that carry encoded strings: where a type's binary form is its text the bytes go as
 * they are; for any other type they are decoded back to the string and serialized as PGlite would. Every other
 * value goes to the default serializer.
 */
function withEncodedStrings(defaults: Serializers): Serializers {
  const isEncoded = (v: unknown): v is Buffer => v instanceof Buffer && encoded.has(v);
  const out: Serializers = {};
  for (const oid of Object.keys(defaults)) {
    const base = defaults[oid]!;
    out[oid] = (v) => base(isEncoded(v) ? v.toString("utf8") : v);
  }
  const sendAsBytes = (oid: number, bytes: (b: Buffer) => Uint8Array) => {
    const base = defaults[oid] ?? String;
    out[oid] = (v) => (isEncoded(v) ? (bytes(v) as unknown as string) : base(v));
  };
  for (const oid of PLAIN_TEXT_OIDS) sendAsBytes(oid, (b) => b);
  sendAsBytes(JSONB_OID, (b) => Buffer.concat([JSONB_VERSION, b]));
  return out;
}

/** One set per PGlite instance's default serializers. */
const cache = new WeakMap<Serializers, Serializers>();

/** What `query` is given for `params`: the values, long strings as encoded bytes, and the options that send them. */
export function pgliteParams(
  params: readonly unknown[],
  defaults: Serializers,
): { values: unknown[]; options: QueryOptions | undefined } {
  let long = false;
  const values = params.map((p) => {
    if (typeof p !== "string" || p.length < BINARY_FROM) return p;
    long = true;
    const bytes = Buffer.from(p, "utf8");
    encoded.add(bytes);
    return bytes;
  });
  if (!long) return { values, options: undefined };
  let serializers = cache.get(defaults);
  if (!serializers) cache.set(defaults, (serializers = withEncodedStrings(defaults)));
  return { values, options: { serializers } };
}
