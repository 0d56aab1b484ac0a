import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { DecodeError, decodeBytes } from "../../src/ingest/decode.js";

const russian =
  "Министерство обороны России заявило, что в результате удара по Макеевке погибли 89 военнослужащих. " +
  "Генерал-лейтенант Сергей Севрюков сказал журналистам, что число погибших может измениться.";
const ukrainian =
  "Міністерство оборони України повідомило, що внаслідок удару загинули щонайменше чотириста військових. " +
  "Речник Генштабу сказав журналістам, що ці дані ще уточнюються і їх буде оприлюднено пізніше.";
const western = "The café’s owner said “no” — a naïve résumé of the façade, at €5 a coffee.";

test("UTF-8 without and with a byte-order mark", () => {
  assert.deepEqual(decodeBytes(Buffer.from(russian, "utf8")), { text: russian, encoding: "UTF-8" });
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(western, "utf8")]);
  assert.deepEqual(decodeBytes(withBom), { text: western, encoding: "UTF-8" });
});

test("UTF-16 little- and big-endian, with and without a byte-order mark", () => {
  const le = iconv.encode(western, "utf16le");
  const be = iconv.encode(western, "utf16be");
  assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), {
    text: western,
    encoding: "UTF-16LE",
  });
  assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), {
    text: western,
    encoding: "UTF-16BE",
  });
  assert.deepEqual(decodeBytes(le), { text: western, encoding: "UTF-16LE" });
  assert.deepEqual(decodeBytes(iconv.encode(russian, "utf16le")), { text: russian, encoding: "UTF-16LE" });
});

test("Windows-1251 Russian and Ukrainian are detected and decoded", () => {
  assert.deepEqual(decodeBytes(iconv.encode(russian, "win1251")), {
    text: russian,
    encoding: "windows-1251",
  });
  assert.deepEqual(decodeBytes(iconv.encode(ukrainian, "win1251")), {
    text: ukrainian,
    encoding: "windows-1251",
  });
});

test("KOI8-R and Windows-1252 are detected and decoded", () => {
  assert.deepEqual(decodeBytes(iconv.encode(russian, "koi8-r")), { text: russian, encoding: "KOI8-R" });
  assert.deepEqual(decodeBytes(iconv.encode(western, "win1252")), {
    text: western,
    encoding: "windows-1252",
  });
});

test("empty, blank and binary input is refused with a reason", () => {
  assert.throws(
    () => decodeBytes(Buffer.alloc(0)),
    (e: Error) => e instanceof DecodeError && /empty/.test(e.message),
  );
  assert.throws(() => decodeBytes(Buffer.from(" \n\t\n")), /no text/);
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1,
  ]);
  assert.throws(() => decodeBytes(png), /binary/);
  const noise = Buffer.from(
    Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256).filter((b) => b !== 0),
  );
  assert.throws(() => decodeBytes(noise), DecodeError);
});
