import type { Token } from "../../model/document.js";

/**
 * Clitics split off their word ("He’s" → "He" "’s", "Trump's" → "Trump" "'s", "they’ll" → "they" "’ll"):
 * PolNeAR's spans end before them ("[He]’s predicting", "[Kerry]’s announcement") and begin after them
 * ("He’[s predicting]"), which a tag per whole token cannot say. Only for the learned tagger's token view.
 */
const CLITIC = /^(.+?)(['’](?:s|ll|re|ve|d|m))$/iu;

export function splitClitics(text: string, tokens: readonly Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // The apostrophe of a clitic is the second or third character from the end: only then is the pattern tried.
    const m = t.kind === "word" && t.end - t.start > 2 && (isApostrophe(text.charCodeAt(t.end - 2)) || isApostrophe(text.charCodeAt(t.end - 3))) ? CLITIC.exec(text.slice(t.start, t.end)) : null;
    if (m) {
      out ??= tokens.slice(0, i);
      const cut = t.start + m[1]!.length;
      out.push({ start: t.start, end: cut, kind: t.kind }, { start: cut, end: t.end, kind: t.kind });
    } else if (out) out.push(t);
  }
  return out ?? (tokens as Token[]);
}

/** ' or ’. */
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}
