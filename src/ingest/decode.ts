import chardet from "chardet";
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  encoding: string;
}

/** Why bytes could not be turned into text. The caller names the input. */
export class DecodeError extends Error {}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Turns raw bytes into text: BOMs first, then strict UTF-8 (by far the most common), then UTF-16 without a BOM
 * (recognised by its zero bytes), then a statistical guess among legacy single-byte encodings by chardet.
 * Binary data is refused rather than decoded into garbage that would then be stored.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeError("empty file");
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return checked(buf.subarray(3).toString("utf8"), "UTF-8");
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return checked(iconv.decode(buf.subarray(2), "utf16le"), "UTF-16LE");
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return checked(iconv.decode(buf.subarray(2), "utf16be"), "UTF-16BE");

  const utf16 = guessUtf16(buf);
  if (utf16) return checked(iconv.decode(buf, utf16), utf16 === "utf16le" ? "UTF-16LE" : "UTF-16BE");

  if (buf.includes(0)) throw new DecodeError("binary content (NUL bytes), not text");

  let asUtf8: string | null = null;
  try {
    asUtf8 = utf8.decode(buf);
  } catch {
    // Not UTF-8: fall through to the legacy encodings.
  }
  if (asUtf8 !== null) return checked(asUtf8, "UTF-8");
  const candidates = chardet
    .analyse(buf)
    .filter((c) => iconv.encodingExists(c.name) && !/^UTF/i.test(c.name));
  const best = candidates[0];
  if (!best || best.confidence < 10) throw new DecodeError("unrecognised text encoding");
  return checked(iconv.decode(buf, best.name), best.name);
}

/**
 * UTF-16 text in one alphabet has high bytes drawn from very few values: 0x00 for Latin, spaces and digits,
 * 0x04 for Cyrillic. Two values covering nearly all high bytes, one of them zero, is a reliable sign.
 */
function guessUtf16(buf: Buffer): "utf16le" | "utf16be" | null {
  if (buf.length < 4 || buf.length % 2 !== 0) return null;
  const sample = Math.min(buf.length, 4096);
  const looksLike = (highOffset: 0 | 1): boolean => {
    const counts = new Map<number, number>();
    let lowZeros = 0;
    for (let i = 0; i < sample; i += 2) {
      const high = buf[i + highOffset]!;
      counts.set(high, (counts.get(high) ?? 0) + 1);
      if (buf[i + 1 - highOffset] === 0) lowZeros++;
    }
    const pairs = sample / 2;
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2);
    const covered = top.reduce((n, [, c]) => n + c, 0);
    return (counts.get(0) ?? 0) > pairs * 0.05 && covered > pairs * 0.9 && lowZeros < pairs * 0.05;
  };
  if (looksLike(1)) return "utf16le";
  if (looksLike(0)) return "utf16be";
  return null;
}

/** Decoded text full of control characters was binary after all. */
function checked(text: string, encoding: string): Decoded {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (control > Math.max(2, text.length * 0.01)) throw new DecodeError("binary content, not text");
  if (text.trim() === "") throw new DecodeError("no text (only white space)");
  return { text, encoding };
}
