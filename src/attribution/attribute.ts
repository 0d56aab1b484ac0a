import type { Attribution, Entity, Relay, Speaker } from "../model/claims.js";
import type { Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import { findEntities } from "./entities.js";
import { findDrafts, type Draft } from "./extract.js";
import { findQuotes } from "./quotes.js";
import { findRelays } from "./relay.js";
import { resolveSpeaker, type PreviousSpeaker, type Resolution } from "./resolve.js";
import { TokenView } from "./tokens.js";
import { nounPhraseLeft } from "./source.js";
import { RELATIVE_SOURCES } from "../lang/en/cues.js";
import { splitClitics } from "./learned/clitics.js";
import type { AttributionModel } from "./learned/model.js";

/** What the attribution stage adds to a document. */
export interface AttributionResult {
  attributions: Attribution[];
  entities: Entity[];
}

export interface AttributionInput {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Span[];
  tokens: readonly Token[];
}

/**
 * The whole per-document attribution step: quotes by character offsets → cue patterns → source mentions →
 * document entities → speakers (pronouns and nominals resolved) → relay chains. Pure and synchronous.
 */
export function attribute(input: AttributionInput, model: AttributionModel | null = null): AttributionResult {
  const { text } = input;
  const quotes = findQuotes(text, input.paragraphs);
  // With a learned model, clitics are tokens of their own ("He" "’s"), as the model was trained (see clitics.ts).
  const tv = new TokenView(text, model ? splitClitics(text, input.tokens) : input.tokens, input.sentences, quotes);
  const ruleDrafts = findDrafts(tv, quotes, input.paragraphs);
  // A learned model (trained at run time, see src/attribution/learned) replaces the rules' drafts with its own.
  const drafts = model ? model.refine(tv, input.paragraphs, ruleDrafts) : ruleDrafts;
  const ents = findEntities(tv);

  const attributions: Attribution[] = [];
  let previous: PreviousSpeaker | null = null;
  let lastDraft: Draft | null = null;
  for (const d of drafts) {
    const source = d.source ? tv.span(d.source.first, d.source.last) : null;
    const cue = d.cue ? tv.span(d.cue.first, d.cue.last) : null;
    let res: Resolution = source ? resolveSpeaker(text, source, ents, previous) : { speaker: null, entity: null };
    // "Ukraine’s military, which said …": a relative pronoun with no entity before it speaks for the phrase it follows.
    if (d.source && res.speaker === null && d.source.first === d.source.last && RELATIVE_SOURCES.has(tv.word(d.source.first)) && tv.word(d.source.first - 1) === ",") {
      const antecedent = nounPhraseLeft(tv, d.source.first - 2, tv.sentences[tv.sentence[d.source.first]!]!.first);
      if (antecedent) res = resolveSpeaker(text, tv.span(antecedent.first, antecedent.last), ents, previous);
    }
    // "…,” he said, adding that …": the subject the cue shares with the verb before it in the sentence.
    if (!source && d.sharedSubject && previous && lastDraft && lastDraft.cue && d.cue && tv.sentence[lastDraft.cue.first] === tv.sentence[d.cue.first]) {
      res = { speaker: previous.speaker, entity: previous.entity };
    }
    let speaker: Speaker | null = res.speaker;
    const via = relaysFor(tv, d);
    // "Citing three sources, the outlet reported": the sources speak, the outlet relays.
    const citing = speaker && speaker.type === "outlet" ? citedSource(tv, d) : null;
    if (citing && speaker) {
      via.unshift({ name: speaker.name, type: "outlet" });
      speaker = citing;
    }
    if (source && res.entity !== null) {
      const e = ents.entities[res.entity]!;
      const mentionText = text.slice(source.start, source.end);
      if (!e.mentions.some((m) => m.start <= source.start && source.end <= m.end + 2 || m.start >= source.start && m.end <= source.end)) {
        e.mentions.push({ start: source.start, end: source.end });
        e.mentions.sort((a, b) => a.start - b.start);
        if (mentionText.length < 40 && !e.aliases.includes(mentionText) && mentionText !== e.name) e.aliases.push(mentionText);
      }
    }
    const a: Attribution = { id: `a${attributions.length + 1}`, kind: d.kind, source, cue, content: d.content.map((c) => ({ start: c.start, end: c.end })), speaker, via };
    attributions.push(a);
    if (speaker && source) previous = { speaker, entity: res.entity, end: source.end };
    lastDraft = d;
  }
  // Names that a source mention gave us without an entity run (e.g. a single surname) are entities too.
  return { attributions, entities: ents.entities };
}

function relaysFor(tv: TokenView, d: Draft): Relay[] {
  const anchor = d.cue?.first ?? d.source?.first;
  if (anchor === undefined) return [];
  const s = tv.sentences[tv.sentence[anchor]!];
  if (!s) return [];
  const via = findRelays(tv, s.first, s.end, d.cueMatch?.head ?? null, d.source);
  return d.cueMatch?.according ? via.filter((r) => r.type === "platform") : via;
}

/** "citing X" in the attribution's sentence. */
function citedSource(tv: TokenView, d: Draft): { name: string; type: "anonymous" | "group"; role: null } | null {
  const anchor = d.cue?.first;
  if (anchor === undefined) return null;
  const s = tv.sentences[tv.sentence[anchor]!]!;
  for (let i = s.first; i < s.end; i++) {
    if (tv.word(i) !== "citing") continue;
    let e = i + 1;
    while (e < s.end && tv.word(e) !== "," && tv.word(e) !== ".") e++;
    if (e === i + 1) return null;
    const name = tv.text.slice(tv.starts[i + 1]!, tv.ends[e - 1]!);
    const plural = /s$/.test(tv.word(e - 1));
    return { name, type: plural ? "group" : "anonymous", role: null };
  }
  return null;
}
