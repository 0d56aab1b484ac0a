import type { Span } from "../../model/span.js";
import type { TrainingDocument } from "./train.js";

/**
 * Our own annotation format for training texts: attributions marked inline with brackets, one paragraph per
 * line, documents separated by a line "---".
 *
 *   [S1 The harbour master] [C1 grumbled] [Q1 that the ferries were late again].
 *   “[Q2 We are ready],” [S2 the mayor] [C2 said]. “[Q2 The bridge opens in May].”
 *
 * S is the source, C the cue, Q the content; the number ties the parts of one attribution together (a content
 * in two pieces is two Q marks with one number). Marks do not nest. Lines starting with "#" are comments.
 */
const MARK = /\[([SCQ])(\d+) /g;

export function parseBracketed(source: string, name = "bracketed"): TrainingDocument[] {
  const docs: TrainingDocument[] = [];
  const blocks = source.split(/^---\s*$/m);
  blocks.forEach((block, b) => {
    const lines = block.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
    if (lines.length === 0) return;
    const doc = parseDocument(lines.join("\n"), `${name}#${b + 1}`);
    docs.push(doc);
  });
  return docs;
}

function parseDocument(marked: string, name: string): TrainingDocument {
  let text = "";
  const parts = new Map<string, { source: Span[]; cue: Span[]; content: Span[] }>();
  let at = 0;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(marked); m; m = MARK.exec(marked)) {
    const close = marked.indexOf("]", MARK.lastIndex);
    const nextOpen = marked.indexOf("[", MARK.lastIndex);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) throw new Error(`${name}: mark "${m[0]}" at ${m.index} is not closed before the next one`);
    text += marked.slice(at, m.index);
    const start = text.length;
    text += marked.slice(MARK.lastIndex, close);
    const span = { start, end: text.length };
    const id = m[2]!;
    const rel = parts.get(id) ?? { source: [], cue: [], content: [] };
    parts.set(id, rel);
    (m[1] === "S" ? rel.source : m[1] === "C" ? rel.cue : rel.content).push(span);
    at = close + 1;
    MARK.lastIndex = at;
  }
  text += marked.slice(at);
  const relations = [...parts.entries()].map(([id, r]) => {
    if (r.cue.length === 0 || r.content.length === 0) throw new Error(`${name}: attribution ${id} needs a cue (C${id}) and a content (Q${id})`);
    return { source: r.source.length ? r.source : null, cue: r.cue, content: r.content };
  });
  return { name, text, relations };
}
