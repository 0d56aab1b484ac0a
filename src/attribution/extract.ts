import type { AttributionKind } from "../model/claims.js";
import type { Span } from "../model/span.js";
import { infinitiveAt, matchCue, type CueMatch } from "./cues.js";
import { findLabelTurns, paragraphQuote } from "./dialogue.js";
import type { Quote } from "./quotes.js";
import { isPossessive, leftSubject, opensAdjunct, rightSubject, skipTimeRight, SUBJECT_PRONOUNS, type TokenRange } from "./source.js";
import type { TokenView } from "./tokens.js";
import { PLATFORMS } from "../lang/en/speakers.js";
import { CUE_FORMS, CUE_PREPOSITIONS, FINITE_AUXILIARIES, IRREGULAR_PASTS, NEGATED_AUXILIARIES, NON_APPOSITIVE_OPENERS, NOT_GERUNDS, RELATIVE_SOURCES } from "../lang/en/cues.js";

/**
 * Finds attributions as token ranges (source, cue) and character spans (content), before speakers are resolved.
 *
 * Order of work, so that each token ends up in one attribution at most:
 * 1. quotes followed by their cue ("“…,” he said", "“…,” said Trump", "“…,” he said. “…”");
 * 2. per sentence, cues at the end of a sentence ("…, officials said.") before the others, then the rest from
 *    left to right: "X said (that) …", "X told Y …", "X said: “…”", "according to X, …", "…, X said, …".
 * Cues inside a quotation belong to the quoted speaker and are not read.
 */
export interface Draft {
  kind: AttributionKind;
  source: TokenRange | null;
  cue: TokenRange | null;
  cueMatch: CueMatch | null;
  content: Span[];
  /** Quotes that make up (part of) the content. */
  quotes: number[];
  /** The cue shares the subject of an earlier verb in its sentence ("…, adding that …", "… and said …"). */
  sharedSubject?: boolean;
  /** A labelled dialogue turn ("Q: …"). */
  label?: boolean;
}

const DASHES = new Set(["―", "—", "–"]);
const TERMINAL = new Set([".", "!", "?", "…"]);
const STRONG_CLASSES = new Set(["speech", "tell", "write"]);
const MAX_OBJECT = 8;
/** Words before a cue verb that rule out a subject after it. */
const INVERSION_BLOCKERS = new Set(["has", "have", "had", "did", "does", "do", "not", "never", "is", "are", "was", "were", "will", "would"]);
const CONTENT_STOPS = new Set(["while", "whereas", "compared", "putting", "prompting", "according"]);

export function findDrafts(tv: TokenView, quotes: readonly Quote[], paragraphs: readonly Span[]): Draft[] {
  const n = tv.n;
  const claimed = new Uint8Array(n);
  const drafts: Draft[] = [];
  const qFirst = new Int32Array(quotes.length).fill(-1);
  const qLast = new Int32Array(quotes.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const q = tv.quote[i]!;
    if (q < 0) continue;
    if (qFirst[q] === -1) qFirst[q] = i;
    qLast[q] = i;
  }
  const text = tv.text;
  const sameParagraph = (a: number, b: number) => text.indexOf("\n", tv.ends[a]) === -1 || text.indexOf("\n", tv.ends[a]) >= tv.starts[b]!;

  const claim = (d: Draft) => {
    if (d.source) for (let k = d.source.first; k <= d.source.last; k++) claimed[k] = 1;
    if (d.cue) for (let k = d.cue.first; k <= d.cue.last; k++) claimed[k] = 1;
    for (const c of d.content) for (let k = tokenAt(tv, c.start); k < n && tv.starts[k]! < c.end; k++) claimed[k] = 1;
    drafts.push(d);
  };
  const free = (a: number, b: number) => {
    for (let k = a; k <= b; k++) if (claimed[k]) return false;
    return true;
  };

  /** Cue (and source) right after a quote's last token `e`, in the same paragraph. */
  const cueAfter = (e: number): { m: CueMatch; src: TokenRange } | null => {
    let j = e + 1;
    if (tv.word(j) === ",") j++;
    if (j >= n || !sameParagraph(e, j) || tv.quote[j]! >= 0) return null;
    // "“…” ― Jane Doe" at the end of a line: a dash and a name sign the quote.
    if (j === e + 1 && DASHES.has(tv.word(j)) && tv.isCap(j + 1) && sameParagraph(j, j + 1)) {
      let k = j + 1;
      while (k + 1 < n && k - j < 6 && sameParagraph(k, k + 1) && (tv.isCap(k + 1) || (tv.word(k + 1) === "." && tv.adjacent(k) && k + 2 < n && sameParagraph(k + 1, k + 2) && tv.isCap(k + 2)))) k++;
      const lineEnd = (x: number) => x >= n || !sameParagraph(x - 1, x);
      if (lineEnd(k + 1) || (tv.word(k + 1) === "." && lineEnd(k + 2))) {
        return { m: { first: j, last: j, head: j, form: null, according: false }, src: { first: j + 1, last: k } };
      }
    }
    if (tv.sentence[j] !== tv.sentence[e] && TERMINAL.has(tv.word(e - 1)) && tv.word(e - 1) !== "?" && tv.word(e - 1) !== "!") return null;
    const sEnd = tv.sentences[tv.sentence[j]!]!.end;
    // "…,” said Trump" / "…,” says Mr. Smith"
    const m0 = matchCue(tv, j);
    const commaClosed = tv.word(e + 1) === "," || /^[,?!]$/.test(tv.word(e - 1));
    if (m0 && !m0.according && m0.head === j && STRONG_CLASSES.has(m0.form!.cls) && commaClosed) {
      const src = rightSubject(tv, m0.last + 1, sEnd);
      if (src) return { m: { ...m0, first: j }, src };
    }
    // "…,” Trump said" / "…,” the Kremlin’s spokesman, Dmitry Peskov, told reporters"
    for (let k = j + 1; k < sEnd && k - j <= 16; k++) {
      if (tv.quote[k]! >= 0 || TERMINAL.has(tv.word(k))) break;
      const m = matchCue(tv, k);
      if (!m || m.according || !STRONG_CLASSES.has(m.form!.cls) || m.form!.gerund) continue;
      const src = leftSubject(tv, m.first - 1, j);
      if (src && src.first === j) return { m, src };
      break;
    }
    return null;
  };

  // 1. Quotes followed by their cue.
  for (let q = 0; q < quotes.length; q++) {
    const e = qLast[q]!;
    if (e < 0 || claimed[e]) continue;
    const hit = cueAfter(e);
    if (!hit) continue;
    const { m, src } = hit;
    const content = [...quotes[q]!.pieces];
    const used = [q];
    // "He had “wanted to be a pilot,” his friend said": the words before the quote in its sentence are content too.
    let kind: AttributionKind = "direct";
    const f = qFirst[q]!;
    const sFirst = tv.sentences[tv.sentence[f]!]!.first;
    if (quotes[q]!.pieces.length === 1 && f > sFirst && free(sFirst, f - 1) && tv.quote[f - 1]! < 0 && tv.word(f - 1) !== ":") {
      content[0] = { start: tv.starts[sFirst]!, end: content[0]!.end };
      kind = "mixed";
    }
    // "“…,” he said. “…”": the quote that goes on after the cue in the same paragraph.
    let g = Math.max(m.last, src.last) + 1;
    g = skipTimeRight(tv, g, n);
    // "…,” said Caddell, speaking of her health. “…”", "…,” said Ryan in a statement. “…”": the adjunct after the
    // source is skipped to its full stop.
    if ((tv.word(g) === "," && opensAdjunct(tv, g + 1)) || (g > src.last && opensAdjunct(tv, g))) {
      let k = g + 1;
      while (k < n && tv.sentence[k] === tv.sentence[g] && tv.quote[k]! < 0 && !TERMINAL.has(tv.word(k))) k++;
      if (TERMINAL.has(tv.word(k))) g = k;
    }
    if ((tv.word(g) === "," || tv.word(g) === "." || tv.word(g) === ":") && g + 1 < n && tv.quote[g + 1]! >= 0 && sameParagraph(g, g + 1)) {
      const q2 = tv.quote[g + 1]!;
      if (q2 !== q && qFirst[q2] === g + 1 && !cueAfter(qLast[q2]!)) {
        content.push(...quotes[q2]!.pieces);
        used.push(q2);
      }
    }
    claim({ kind, source: src, cue: { first: m.first, last: m.last }, cueMatch: m, content, quotes: used });
  }

  // 2. Labelled dialogue turns and headlines ("Q: …", "Chikov: …", "Clinton camp: …") before the cues in them:
  // a cue inside a turn is part of what the speaker says.
  for (const turn of findLabelTurns(tv, paragraphs)) {
    if (!free(turn.label.first, tokenAt(tv, turn.content.end - 1))) continue;
    const c = turn.content;
    claim(withKind({ kind: "direct", source: turn.label, cue: { first: turn.colon, last: turn.colon }, cueMatch: null, content: [c], quotes: [], label: true }, tv, quotes));
    const d = drafts[drafts.length - 1]!;
    if (d.kind === "indirect") d.kind = "direct"; // a transcript turn is the speaker's own words
  }

  // 3. Cues in sentences.
  for (const s of tv.sentences) {
    const matches: CueMatch[] = [];
    for (let i = s.first; i < s.end; i++) {
      if (claimed[i] || tv.quote[i]! >= 0) continue;
      const m = matchCue(tv, i);
      if (m && free(m.first, m.last)) {
        matches.push(m);
        i = m.last;
      }
    }
    if (matches.length === 0) continue;
    let last = s.end - 1;
    while (last > s.first && (TERMINAL.has(tv.word(last)) || (tv.kinds[last] === "quote" && tv.quote[last]! < 0))) last--;
    // Sentence-final cues first: in "Clinton claimed X, Trump said." the outer cue is "said".
    const final = (m: CueMatch) => {
      if (m.last < last - 3 || !m.form || !STRONG_CLASSES.has(m.form.cls)) return false;
      for (let k = m.first - 1; k >= s.first && k >= m.first - 10; k--) if (tv.word(k) === "," || tv.kinds[k] === "quote") return true;
      return false;
    };
    const ordered = [...matches.filter(final).reverse(), ...matches.filter((m) => !final(m))];
    for (const m of ordered) {
      if (!free(m.first, m.last)) continue;
      const d = m.according ? according(tv, m, s, last, claimed) : (askedClause(tv, m, s, last, claimed) ?? verbCue(tv, m, s, last, claimed, quotes, qFirst, qLast));
      if (d && d.content.length > 0) claim(d);
    }
  }

  // 4. A paragraph that is only a quotation continues the quotation attributed in the paragraph before it.
  drafts.sort((a, b) => firstOffset(tv, a) - firstOffset(tv, b));
  const qAt = (offset: number) => {
    const k = tokenAt(tv, offset);
    return k < n ? tv.quote[k]! : -1;
  };
  for (let pi = 1; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const q = paragraphQuote(tv, quotes, p, qAt);
    if (q < 0 || claimed[qFirst[q]!]) continue;
    const prevPara = paragraphs[pi - 1]!;
    // The last attribution in the paragraph before, if it quoted someone.
    const inPrev = drafts.filter((d) => d.content.some((c) => c.end > prevPara.start && c.start < prevPara.end));
    const owner = inPrev[inPrev.length - 1];
    if (!owner || owner.kind === "indirect" || owner.label) continue;
    owner.content.push(...quotes[q]!.pieces);
    owner.quotes.push(q);
    for (let k = qFirst[q]!; k <= qLast[q]!; k++) claimed[k] = 1;
  }
  return drafts;
}

function firstOffset(tv: TokenView, d: Draft): number {
  return Math.min(d.source ? tv.starts[d.source.first]! : Infinity, d.cue ? tv.starts[d.cue.first]! : Infinity, d.content[0]?.start ?? Infinity);
}

/** Index of the first token that ends after `offset`. */
function tokenAt(tv: TokenView, offset: number): number {
  let lo = 0;
  let hi = tv.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tv.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Content from token a to token b (inclusive) as one span, stopping before claimed tokens. */
function contentSpan(tv: TokenView, a: number, b: number, claimed: Uint8Array): Span | null {
  let e = a;
  while (e <= b && !claimed[e]) e++;
  e--;
  while (e >= a && (tv.word(e) === "," || tv.word(e) === ";" || tv.word(e) === "—" || TERMINAL.has(tv.word(e)))) e--;
  let f = a;
  while (f <= e && (tv.word(f) === "," || tv.word(f) === ":" || tv.word(f) === "—")) f++;
  if (e < f) return null;
  return tv.span(f, e);
}

const QUESTION_STARTS = new Set(["if", "whether", "about", "what", "how", "why", "who", "whom", "when", "where", "which", "to"]);

/**
 * "Asked about the strike, the mayor said …", "When asked by reporters whether …": the question put to someone,
 * with no speaker of its own (or the asker after "by").
 */
function askedClause(tv: TokenView, m: CueMatch, s: { first: number; end: number }, last: number, claimed: Uint8Array): Draft | null {
  if (tv.word(m.head) !== "asked" || m.first !== m.head) return null;
  if (!(m.head === s.first || (m.head === s.first + 1 && tv.word(s.first) === "when"))) return null;
  let k = m.last + 1;
  let src: TokenRange | null = null;
  if (tv.word(k) === "by") {
    let e = k + 1;
    while (e <= last && e - k <= 8 && !QUESTION_STARTS.has(tv.word(e)) && tv.word(e) !== "," && tv.quote[e]! < 0) e++;
    if (e === k + 1 || e > last) return null;
    src = { first: k + 1, last: e - 1 };
    k = e;
  }
  // An adjunct before the question: "at a briefing Monday in Washington".
  let q = k;
  while (q <= last && q - k <= 8 && !QUESTION_STARTS.has(tv.word(q)) && tv.word(q) !== "," && tv.quote[q]! < 0) q++;
  if (q > last || !QUESTION_STARTS.has(tv.word(q))) return null;
  let end = q + 1;
  while (end <= last && tv.word(end) !== ",") end++;
  const c = contentSpan(tv, q, end - 1, claimed);
  if (!c) return null;
  return { kind: "indirect", source: src, cue: { first: m.first, last: m.last }, cueMatch: m, content: [c], quotes: [] };
}

/** "X said (that) …", "…, X said.", "X, he said, …", "X said: “…”", "X told Y …". */
function verbCue(
  tv: TokenView,
  m: CueMatch,
  s: { first: number; end: number },
  last: number,
  claimed: Uint8Array,
  quotes: readonly Quote[],
  qFirst: Int32Array,
  qLast: Int32Array,
): Draft | null {
  const form = m.form!;
  const floor = s.first;
  const prev = m.first - 1;
  const prevWord = prev >= floor ? tv.word(prev) : "";
  const boundary = prev < floor || prevWord === "," || prevWord === ":" || prevWord === ";" || (tv.kinds[prev] === "quote");
  let src: TokenRange | null = null;
  let inverted = false;
  const finite = !form.gerund || m.first < m.head; // "is suggesting"
  const coordinated = prevWord === "and" || prevWord === "but" || (!finite && prevWord === ",");
  if (coordinated) {
    // "Wilson praised Rubio and said …", "Clinton attacked Trump, saying …": the sentence's subject, if free.
    src = sentenceSubject(tv, floor, prev);
    if (src && !free(claimed, src.first, src.last)) src = null;
    if (!src && prevWord !== "," && leftSubject(tv, prev - 1, floor) === null && !finite) return null;
  } else if (!finite && GERUND_PREPOSITIONS.has(prevWord) && STRONG_CLASSES.has(form.cls)) {
    // "began by saying he would …", "was criticised for saying that …": the speaker is the sentence's subject.
    src = sentenceSubject(tv, floor, prev);
    if (src && (!free(claimed, src.first, src.last) || src.last >= prev)) src = null;
  } else if (!finite) {
    return null;
  } else if (boundary && invertible(tv, m) && (SUBJECT_PRONOUNS.has(tv.word(m.last + 1)) || tv.isCap(m.last + 1) || tv.word(m.last + 1) === "the")) {
    src = rightSubject(tv, m.last + 1, last + 1);
    // Inverted only when the subject closes the clause: ", said Trump." / ", said he, …" — not ", said she turned …".
    if (src) {
      const z = skipTimeRight(tv, src.last + 1, last + 1);
      if (!(z > last || tv.word(z) === "," || tv.word(z) === ";" || tv.word(z) === ":" || (tv.kinds[z] === "quote" && !isPossessive(tv, z)))) src = null;
    }
    inverted = src !== null;
    if (!src && prevWord === ",") src = leftSubject(tv, prev, floor);
    if (!src) return null;
  } else {
    src = leftSubject(tv, prev, floor);
    if (!src) return null;
    if (form.present && !inverted && src.first === src.last && !tv.isWord(src.first)) return null;
    if (!free(claimed, src.first, src.last)) return null;
  }
  const cue = { first: m.first, last: m.last };
  const before = Math.min(src?.first ?? m.first, m.first) - 1;
  let a = (inverted && src ? src.last : m.last) + 1;

  // What the cue is followed by: the content, or (after a tell-verb) the addressee first.
  if (!inverted && form.cls === "tell") a = skipObject(tv, a, last);
  a = skipTimeRight(tv, a, last + 1);
  a = skipPlatform(tv, a, last);
  a = skipTimeRight(tv, a, last + 1);
  if (tv.word(a) === "," || tv.word(a) === ":") a++;
  a = skipAdjunctToThat(tv, a, last);
  a = closingAdjunct(tv, a, last, Math.min(src?.first ?? m.first, m.first) - 1);

  const shared = coordinated && src === null;
  const cueBeforeEnd = a > last;
  if (cueBeforeEnd || (tv.word(a - 1) === ":" && a >= s.end)) {
    // "S said:" at the end of a paragraph, then the quote.
    if (tv.word(s.end - 1) === ":" && s.end < tv.n && tv.quote[s.end]! >= 0) {
      const q = tv.quote[s.end]!;
      if (qFirst[q] === s.end && !claimed[s.end]) return { kind: "direct", source: src, cue, cueMatch: m, content: [...quotes[q]!.pieces], quotes: [q] };
    }
    // "…, S said." — content before.
    if (before < floor) return null;
    const bw = tv.word(before);
    if (bw !== "," && !(tv.kinds[before] === "quote")) return null;
    const q = tv.quote[floor]!;
    if (q >= 0 && qFirst[q] === floor && qLast[q]! >= before - 1 && qLast[q]! <= before) {
      return { kind: "direct", source: src, cue, cueMatch: m, content: [...quotes[q]!.pieces], quotes: [q] };
    }
    const c = contentSpan(tv, leadingClauseEnd(tv, floor, before - 1), before - 1, claimed);
    if (!c) return null;
    return withKind({ kind: "indirect", source: src, cue, cueMatch: m, content: [c], quotes: [] }, tv, quotes);
  }

  // "The economy, he said, is …": a cue inside commas splits the content in two.
  if (before >= floor && tv.word(before) === "," && tv.word(a - 1) === "," && !inverted) {
    const c1 = contentSpan(tv, floor, before - 1, claimed);
    const c2 = contentSpan(tv, a, last, claimed);
    if (c1 && c2) return withKind({ kind: "indirect", source: src, cue, cueMatch: m, content: [c1, c2], quotes: [] }, tv, quotes);
  }

  // "S said, “…”" — a quote that opens the content.
  const q = tv.quote[a]!;
  if (q >= 0 && qFirst[q] === a && qLast[q]! >= last - 1) {
    return { kind: "direct", source: src, cue, cueMatch: m, content: [...quotes[q]!.pieces], quotes: [q] };
  }
  // "S said in Tel Aviv, “…”" / "said about the movement, “…”": an adjunct, a comma, then the whole quote.
  if (STRONG_CLASSES.has(form.cls)) {
    for (let k = a + 1; k <= last && k - a <= 10; k++) {
      if (tv.quote[k]! >= 0 || TERMINAL.has(tv.word(k))) break;
      if (tv.word(k) !== "," && tv.word(k) !== ":") continue;
      const qk = k + 1 <= last ? tv.quote[k + 1]! : -1;
      if (qk >= 0 && qFirst[qk] === k + 1 && qLast[qk]! >= last - 1 && free(claimed, a, k)) {
        return { kind: "direct", source: src, cue, cueMatch: m, content: [...quotes[qk]!.pieces], quotes: [qk] };
      }
      break;
    }
  }
  if (form.cls === "intent" && !infinitiveAt(tv, a) && tv.word(a) !== "that") return null;
  if (!STRONG_CLASSES.has(form.cls) && tv.word(a) !== "that" && form.cls !== "cognition" && form.cls !== "intent" && !infinitiveAt(tv, a)) {
    // Evidence verbs ("shows", "found") need "that" to be reported content rather than an object.
    if (!(form.cls === "evidence" && a <= last)) return null;
  }
  const c = contentSpan(tv, a, coordinationEnd(tv, a, last), claimed);
  if (!c) return null;
  return withKind({ kind: "indirect", source: src, cue, cueMatch: m, content: [c], quotes: [], sharedSubject: shared }, tv, quotes);
}

/**
 * Whether the subject may follow the cue (", said Trump."): never after an auxiliary or a negation ("…, has not
 * commented on the refusals") or a preposition ("commented on"), where the words after the cue are its object.
 */
function invertible(tv: TokenView, m: CueMatch): boolean {
  for (let k = m.first; k < m.head; k++) if (INVERSION_BLOCKERS.has(tv.word(k)) || NEGATED_AUXILIARIES.has(tv.word(k))) return false;
  return !(m.last > m.head && CUE_PREPOSITIONS.has(tv.word(m.head + 1)));
}

const GERUND_PREPOSITIONS = new Set(["by", "for", "from", "after", "before", "while", "without"]);
const CONCESSIVE = new Set(["though", "although", "despite", "while", "whereas"]);

/** "Though she grew up here, the rents have doubled, she said.": the concessive clause is the reporter's framing. */
function leadingClauseEnd(tv: TokenView, floor: number, last: number): number {
  if (!CONCESSIVE.has(tv.word(floor))) return floor;
  for (let k = floor + 1; k < last - 2; k++) {
    if (tv.quote[k]! >= 0) return floor;
    if (tv.word(k) === ",") return k + 1;
  }
  return floor;
}

/** ", a Republican trying to …" closing the sentence: a description of the last noun, not what was reported. */
function finalAppositive(tv: TokenView, a: number, last: number): boolean {
  for (let k = a; k < last; k++) if (tv.word(k) === "," || tv.quote[k]! >= 0 || FINITE_AUXILIARIES.has(tv.word(k))) return false;
  return true;
}

/** Where reported content stops before a coordinated cue: "… and said …", "…, saying …", "… and Gates said …". */
function coordinationEnd(tv: TokenView, a: number, last: number): number {
  for (let k = a + 1; k < last; k++) {
    if (tv.quote[k]! >= 0) continue;
    const w = tv.word(k);
    if (w === "," && tv.word(k + 1) === "according" && tv.word(k + 2) === "to") return k - 1;
    // Reported content rarely runs on past a dash or a contrasting clause: ", while …", ", compared with …".
    if (w === "—" || w === "–" || (w === "," && CONTENT_STOPS.has(tv.word(k + 1)))) return k - 1;
    // …, a dash, a semicolon, ", which …", ", but …" or a participle clause (", saying …", ", dealing a blow …").
    if ((w === "―" || w === ";" || (w === "-" && !tv.adjacent(k) && !tv.adjacent(k - 1)) || (w === "-" && tv.word(k + 1) === "-"))) return k - 1;
    if (w === "," && (tv.word(k + 1) === "which")) return k - 1;
    if (w === "," && /^(a|an|the)$/.test(tv.word(k + 1)) && finalAppositive(tv, k + 1, last)) return k - 1;
    if (w === "," && /^(but|though|although)$/.test(tv.word(k + 1))) return k - 1;
    if (w === "," && tv.kinds[k + 1] === "word" && !tv.isCap(k + 1) && /^[a-z]{3,}ing$/.test(tv.word(k + 1)) && !NOT_GERUNDS.has(tv.word(k + 1))) return k - 1;
  }
  const first = tv.word(a);
  const clausal = first === "that" || SUBJECT_PRONOUNS.has(first) || tv.isCap(a) || tv.word(a + 1) === "would" || tv.word(a + 1) === "will";
  for (let k = a + 1; k < last; k++) {
    if (tv.quote[k]! >= 0) continue;
    const w = tv.word(k);
    if (w === ",") {
      const m = matchCue(tv, k + 1);
      if (m && m.form?.gerund && m.head <= k + 2 && STRONG_CLASSES.has(m.form.cls)) return k - 1;
      // "Barkley, who said he votes Democratic, said …": the main clause's verb after the relative clause.
      if (m && m.first === k + 1 && !m.according && m.form && !m.form.gerund && !m.form.present && STRONG_CLASSES.has(m.form.cls)) return k - 1;
      // "While 7 percent said they are undecided, 27 percent said …": a new subject and its cue after the comma.
      for (let j = k + 2; j < last && j <= k + 12; j++) {
        if (tv.quote[j]! >= 0 || tv.word(j) === ",") break;
        const mj = matchCue(tv, j);
        if (!mj || mj.according || !mj.form || mj.form.gerund || !STRONG_CLASSES.has(mj.form.cls)) continue;
        const subj = leftSubject(tv, mj.first - 1, k + 1);
        if (subj && subj.first === k + 1) return k - 1;
        break;
      }
    } else if (w === "and" || w === "but") {
      for (let j = k + 1; j <= Math.min(last, k + 8); j++) {
        const m = matchCue(tv, j);
        // "… that Machado was “disgusting” and encouraged Americans …": a past-tense verb after "and" starts a new predicate.
        const pastVP = m !== null && m.first === k + 1 && m.form !== null && !m.form.present && !m.form.gerund;
        if (!m || m.according || !m.form || m.form.gerund && m.first === m.head || !(STRONG_CLASSES.has(m.form.cls) || pastVP)) continue;
        if (m.first === k + 1) {
          if (clausal && !pastVP) break; // "he’d sit Putin down and tell him …" is still the reported clause
          return k - 1;
        }
        const s = leftSubject(tv, m.first - 1, k + 1);
        if (s && s.first === k + 1) return k - 1;
        break;
      }
    }
  }
  return last;
}

/** "according to X, …", "…, according to X", "…, according to X, …". */
function according(tv: TokenView, m: CueMatch, s: { first: number; end: number }, last: number, claimed: Uint8Array): Draft | null {
  const floor = s.first;
  let e = m.last + 1;
  while (e <= last && tv.word(e) !== "," && tv.kinds[e] !== "quote") e++;
  const srcLast = e - 1;
  if (srcLast <= m.last) return null;
  const src = { first: m.last + 1, last: srcLast };
  if (!free(claimed, src.first, src.last)) return null;
  const cue = { first: m.first, last: m.last };
  const content: Span[] = [];
  const lead = m.first - 1;
  if (lead >= floor && tv.word(lead) === ",") {
    const c = contentSpan(tv, floor, lead - 1, claimed);
    if (c) content.push(c);
  } else if (lead >= floor && (tv.word(lead) === "—" || tv.word(lead) === "–")) {
    const c = contentSpan(tv, floor, lead - 1, claimed);
    if (c) content.push(c);
  } else if (lead >= floor && !/^(but|and|so|yet)$/.test(tv.word(lead))) {
    return null;
  }
  // "…, according to the police, which said …": the relative clause is the source's own attribution.
  if (e <= last && tv.word(e) === "," && !RELATIVE_SOURCES.has(tv.word(e + 1))) {
    // "According to CNN, he wrote on Telegram …": the content is itself an attribution; CNN becomes its relay.
    for (let k = e + 1; k <= Math.min(last, e + 7); k++) {
      const inner = matchCue(tv, k);
      if (!inner || inner.according || !inner.form || !STRONG_CLASSES.has(inner.form.cls) || inner.form.gerund) continue;
      const subject = leftSubject(tv, inner.first - 1, e + 1);
      if (subject && subject.first === e + 1 && content.length === 0) return null;
      break;
    }
    const c = contentSpan(tv, e + 1, last, claimed);
    if (c) content.push(c);
  }
  if (content.length === 0) return null;
  return { kind: "indirect", source: src, cue, cueMatch: m, content, quotes: [] };
}

const ADJUNCT_PREPOSITIONS = new Set(["in", "at", "on", "during", "after", "before", "from", "to", "with", "by", "over", "of"]);

/** "said in the letter that …", "said at a rally in Ohio on Friday that …": a prepositional adjunct before "that". */
function skipAdjunctToThat(tv: TokenView, a: number, last: number): number {
  if (!ADJUNCT_PREPOSITIONS.has(tv.word(a))) return a;
  for (let k = a + 1; k <= last && k - a <= 12; k++) {
    const w = tv.word(k);
    if (w === "that") return k;
    if (!tv.isWord(k) && w !== "." && w !== "’s" && w !== "'s" && w !== "’" && w !== "-") return a;
    if (CUE_FORMS.has(w) || SUBJECT_PRONOUNS.has(w)) return a;
  }
  return a;
}

/**
 * "…,” Amy Pope said on a call with reporters.": a prepositional adjunct that closes the sentence after a cue
 * whose content came before it; nothing after the cue is reported.
 */
function closingAdjunct(tv: TokenView, a: number, last: number, before: number): number {
  if (a > last || !ADJUNCT_PREPOSITIONS.has(tv.word(a)) || tv.word(a) === "to" || tv.word(a) === "of") return a;
  if (!(tv.word(before) === "," || tv.kinds[before] === "quote")) return a;
  for (let k = a + 1; k <= last; k++) {
    const w = tv.word(k);
    if (w === "that" || w === "," || w === ":" || tv.quote[k]! >= 0 || SUBJECT_PRONOUNS.has(w) || CUE_FORMS.has(w) || FINITE_AUXILIARIES.has(w)) return a;
  }
  return last + 1;
}

/** "on Telegram", "on his Telegram channel", "on X": where a statement was posted, which is no content. */
function skipPlatform(tv: TokenView, a: number, last: number): number {
  if (tv.word(a) !== "on") return a;
  let k = a + 1;
  if (/^(his|her|its|their|the)$/.test(tv.word(k))) k++;
  if (k > last || !PLATFORMS.has(tv.word(k)) || !tv.isCap(k)) return a;
  k++;
  if (/^(channel|account|page|feed)$/.test(tv.word(k))) k++;
  return k;
}

/** After "told": the addressee ("reporters", "The Associated Press on Monday") up to the content. */
function skipObject(tv: TokenView, a: number, last: number): number {
  for (let k = a; k <= last && k - a <= MAX_OBJECT; k++) {
    const w = tv.word(k);
    if (w === "that") return k;
    if (w === "," || w === ":") return k;
    if (tv.kinds[k] === "quote" || TERMINAL.has(w)) break;
  }
  // No "that": the object is one noun phrase — a pronoun, a capitalised name, or "the crowd".
  let k = a;
  const w = tv.word(k);
  if (SUBJECT_PRONOUNS.has(w) || w === "him" || w === "her" || w === "them" || w === "me" || w === "us") return k + 1;
  if (w === "the" || w === "a" || w === "an" || w === "his" || w === "her" || w === "their") k++;
  if (tv.isCap(k)) {
    while (k <= last && (tv.isCap(k) || tv.word(k) === "." || tv.word(k) === "of")) k++;
    return k;
  }
  return k + 1;
}

/** The subject at the start of the sentence, for "…, saying …". */
function sentenceSubject(tv: TokenView, floor: number, before: number): TokenRange | null {
  // "In August, several groups granted …, saying": an adjunct before a comma opens the sentence, not its subject.
  if (NON_APPOSITIVE_OPENERS.has(tv.word(floor))) {
    for (let k = floor + 1; k < before && k - floor <= 8; k++) {
      if (tv.word(k) !== ",") continue;
      floor = k + 1;
      break;
    }
  }
  if (SUBJECT_PRONOUNS.has(tv.word(floor))) return { first: floor, last: floor };
  const r = rightSubject(tv, floor, before);
  if (!r || r.last >= before) return null;
  // "Carson took the stage …, saying": the subject ends before the sentence's own verb.
  for (let k = r.first + 1; k <= r.last; k++) {
    const w = tv.word(k);
    if (tv.kinds[k] === "word" && !tv.isCap(k) && (IRREGULAR_PASTS.has(w) || (w.length > 4 && w.endsWith("ed")))) return { first: r.first, last: k - 1 };
  }
  return r;
}

function free(claimed: Uint8Array, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (claimed[k]) return false;
  return true;
}

/** Indirect, or mixed when a quote sits inside the content. */
function withKind(d: Draft, tv: TokenView, quotes: readonly Quote[]): Draft {
  for (const c of d.content) {
    const k = tokenAt(tv, c.start);
    for (let i = k; i < tv.n && tv.starts[i]! < c.end; i++) {
      const q = tv.quote[i]!;
      if (q >= 0 && !d.quotes.includes(q)) d.quotes.push(q);
    }
  }
  if (d.quotes.length > 0) {
    const only = d.content.every((c) => d.quotes.some((q) => quotes[q]!.pieces.some((p) => p.start <= c.start && c.end <= p.end + 1)));
    d.kind = only ? "direct" : "mixed";
  }
  return d;
}
