import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseBracketed } from "../../src/attribution/learned/bracketed.js";
import { extractFeatures, FEATURES_PER_TOKEN, paragraphSequences, stackedFeatures, stageFeatures, STAGE_FEATURES_PER_TOKEN } from "../../src/attribution/learned/features.js";
import { LearnedTagger, modelFromEnvironment } from "../../src/attribution/learned/model.js";
import { splitClitics } from "../../src/attribution/learned/clitics.js";
import { allowedTransition, spansFromTags, TAG_COUNT, tagsFromDrafts, tagsFromRelations } from "../../src/attribution/learned/tags.js";
import { decode, decodeStage, emptyWeights, Scratch, sharedScores, StageTable } from "../../src/attribution/learned/tagger.js";
import { SimdScores } from "../../src/attribution/learned/simd.js";
import { prepareDocument, trainFromDocuments, type TrainingDocument } from "../../src/attribution/learned/train.js";
import { findDrafts } from "../../src/attribution/extract.js";
import { findQuotes } from "../../src/attribution/quotes.js";
import { attributionStageWith } from "../../src/attribution/stage.js";
import { TokenView } from "../../src/attribution/tokens.js";
import { plainTextDocument } from "../../src/ingest/document.js";
import type { Document } from "../../src/model/document.js";
import { runPipeline } from "../../src/pipeline/pipeline.js";
import { cleanStage } from "../../src/pipeline/stages/clean.js";
import { segmentStage } from "../../src/pipeline/stages/segment.js";
import type { AttributionModel } from "../../src/attribution/learned/model.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/attribution-train/${name}`, import.meta.url), "utf8");
const TRAIN = parseBracketed(fixture("train.txt"), "train");
const HELD_OUT = parseBracketed(fixture("heldout.txt"), "heldout");

function tokenView(text: string): { tv: TokenView; doc: Document } {
  const doc = runPipeline(plainTextDocument(text), [cleanStage, segmentStage]);
  const quotes = findQuotes(text, doc.layers.paragraphs ?? []);
  return { tv: new TokenView(text, doc.layers.tokens ?? [], doc.layers.sentences ?? [], quotes), doc };
}

function extractWith(model: AttributionModel | null, text: string): Array<{ source: string | null; cue: string | null; content: string[] }> {
  const doc = runPipeline(plainTextDocument(text), [cleanStage, segmentStage, attributionStageWith(() => model)]);
  const t = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);
  return (doc.layers.attributions ?? []).map((a) => ({ source: t(a.source), cue: t(a.cue), content: a.content.map((c) => text.slice(c.start, c.end)) }));
}

function goldOf(doc: TrainingDocument): Array<{ source: string | null; cue: string | null; content: string[] }> {
  const t = (s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
  return doc.relations.map((r) => ({ source: r.source ? r.source.map(t).join(" ") : null, cue: r.cue.map(t).join(" "), content: r.content.map(t) }));
}

test("bracketed training format: marks come out of the text and become character spans", () => {
  const [doc, second] = parseBracketed("# a comment\n“[Q1 We are ready],” [S1 the mayor] [C1 said]. “[Q1 The bridge opens in May].”\n---\nNo one spoke.", "t");
  assert.equal(doc!.text, "“We are ready,” the mayor said. “The bridge opens in May.”");
  const r = doc!.relations[0]!;
  assert.deepEqual(r.source!.map((s) => doc!.text.slice(s.start, s.end)), ["the mayor"]);
  assert.deepEqual(r.cue.map((s) => doc!.text.slice(s.start, s.end)), ["said"]);
  assert.deepEqual(r.content.map((s) => doc!.text.slice(s.start, s.end)), ["We are ready", "The bridge opens in May"]);
  assert.deepEqual(second, { name: "t#2", text: "No one spoke.", relations: [] });
  assert.throws(() => parseBracketed("[S1 the mayor [C1 said]"), /not closed/);
  assert.throws(() => parseBracketed("[S1 the mayor] spoke."), /needs a cue/);
});

test("gold tags: BIO per role from character spans, and back to token spans", () => {
  const [doc] = parseBracketed("[S1 The harbour master] [C1 grumbled] [Q1 that the ferries were late].");
  const { tv } = tokenView(doc!.text);
  const tags = tagsFromRelations(tv, doc!.relations);
  // The harbour master grumbled that the ferries were late .
  assert.deepEqual(Array.from(tags), [1, 2, 2, 3, 5, 6, 6, 6, 6, 0]);
  assert.deepEqual(
    spansFromTags(tags).map((s) => [s.role, tv.text.slice(tv.starts[s.first]!, tv.ends[s.last]!)]),
    [["source", "The harbour master"], ["cue", "grumbled"], ["content", "that the ferries were late"]],
  );
  // An inside tag never starts a span nor follows another role.
  assert.equal(allowedTransition(0, 2), false);
  assert.equal(allowedTransition(3, 6), false);
  assert.equal(allowedTransition(5, 6), true);
  assert.equal(allowedTransition(6, 6), true);
});

test("gold tags: a report inside another's content keeps its own roles (innermost first)", () => {
  const text = "The senator said the governor claimed the vote was rigged.";
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const { tv } = tokenView(text);
  const tags = tagsFromRelations(tv, [
    { source: [span("The senator")], cue: [span("said")], content: [span("the governor claimed the vote was rigged")] },
    { source: [span("the governor")], cue: [span("claimed")], content: [span("the vote was rigged")] },
  ]);
  assert.deepEqual(Array.from(tags), [1, 2, 3, 1, 2, 3, 5, 6, 6, 6, 0]);
});

test("Viterbi decoding: an inside tag only continues a span of its own role, whatever the token scores say", () => {
  // One feature per token, each in a bucket of its own, with weights that favour an inside tag on its own.
  const model = emptyWeights(10, 1, 0);
  const feats = Uint32Array.from([1, 2, 3, 4, 5]);
  const bucket = (f: number) => Math.imul(f, 0x85ebca6b) >>> (32 - 10);
  assert.equal(new Set(Array.from(feats, bucket)).size, feats.length);
  const favour = (f: number, tag: number, w: number) => (model.weights[bucket(f) * 8 + tag] = w);
  favour(1, 4, 5); // I-CUE first in the sequence: not allowed, no cue began
  favour(2, 6, 5); // I-CONTENT after whatever comes first: allowed only after B-/I-CONTENT
  favour(2, 0, 1);
  favour(3, 3, 10); // B-CUE
  favour(4, 6, 5); // I-CONTENT right after a cue: not allowed
  favour(4, 5, 1);
  favour(5, 6, 5);
  const tags = new Uint8Array(5);
  decode(model, feats, 0, 5, tags, new Scratch());
  for (let i = 0; i < tags.length; i++) {
    const prev = i === 0 ? 0 : tags[i - 1]!;
    assert.ok(allowedTransition(prev, tags[i]!), `tag ${tags[i]} after ${prev} at ${i}`);
    assert.ok(tags[i]! < TAG_COUNT);
  }
  // Best allowed path: B-CONTENT so that I-CONTENT may follow, the cue, and content begun again after it.
  assert.deepEqual(Array.from(tags), [5, 6, 3, 5, 6]);
});

test("clitics: split off their word for the tagger, other tokens kept as they are", () => {
  const text = "He’s sure Trump's plan, they’ll say, isn't Kerry’s. Don’t.";
  const { doc } = tokenView(text);
  const words = (tokens: readonly { start: number; end: number }[]) => tokens.map((t) => text.slice(t.start, t.end));
  const split = splitClitics(text, doc.layers.tokens ?? []);
  assert.deepEqual(words(split), ["He", "’s", "sure", "Trump", "'s", "plan", ",", "they", "’ll", "say", ",", "isn't", "Kerry", "’s", ".", "Don’t", "."]);
  assert.ok(split.every((t) => t.kind === "word" || t.kind === "punct"));
  const none = tokenView("No clitics here.").doc.layers.tokens ?? [];
  assert.equal(splitClitics("No clitics here.", none), none);
});

test("features: a fixed number per token, the same for the same input, and the rules' tags among them", () => {
  const text = "The harbour master grumbled that the ferries were late.\n“We wait,” a driver said.";
  const { tv, doc } = tokenView(text);
  const sequences = paragraphSequences(tv, doc.layers.paragraphs ?? []);
  assert.deepEqual(sequences, [{ first: 0, end: 10 }, { first: 10, end: 19 }]);
  const noRules = new Uint8Array(tv.n);
  const a = extractFeatures({ tv, sequences, ruleTags: noRules });
  const b = extractFeatures({ tv, sequences, ruleTags: noRules });
  assert.equal(a.length, tv.n * FEATURES_PER_TOKEN);
  assert.deepEqual(a, b);
  const row = (f: Uint32Array, i: number) => Array.from(f.subarray(i * FEATURES_PER_TOKEN, (i + 1) * FEATURES_PER_TOKEN));
  const differing = (x: number[], y: number[]) => x.filter((v, k) => v !== y[k]).length;
  // "The" and "the" in one sentence: one case-folded word feature (template 1), two shapes (template 10).
  assert.equal(row(a, 0)[1], row(a, 5)[1]);
  assert.notEqual(row(a, 0)[10], row(a, 5)[10]);
  // A rule tag on "grumbled" (token 3) changes features of that token and its neighbours, not of tokens far off.
  const withRule = new Uint8Array(tv.n);
  withRule[3] = 3;
  const c = extractFeatures({ tv, sequences, ruleTags: withRule });
  assert.ok(differing(row(a, 3), row(c, 3)) >= 5);
  assert.ok(differing(row(a, 4), row(c, 4)) >= 1);
  assert.equal(differing(row(a, 12), row(c, 12)), 0, "another paragraph does not see this sentence's rule cue");
  // Inside a quote and outside it are told apart: "We" (token 11, quoted) against "a" (token 15, not).
  assert.notDeepEqual(row(a, 11).slice(12, 15), row(a, 15).slice(12, 15));
});

test("the learned tagger, trained on our texts, finds cues the rules do not know in held-out sentences", () => {
  const model = trainFromDocuments(TRAIN, { epochs: 10 });
  for (const doc of HELD_OUT) {
    const rules = extractWith(null, doc.text);
    assert.equal(rules.some((a) => a.cue === "grumbled" || a.cue === "quipped" || a.cue === "fumed"), false, "the rules do not know these verbs");
    assert.deepEqual(extractWith(model, doc.text), goldOf(doc));
  }
});

test("model file: save and load give the same tags; files of another format or feature version are refused", () => {
  const model = trainFromDocuments(TRAIN, { epochs: 4, stages: 2, bits: 16 });
  const dir = mkdtempSync(join(tmpdir(), "claimtrace-model-"));
  try {
    const path = join(dir, "models", "tagger.json");
    model.newCueMargin = 2.5;
    model.save(path);
    const loaded = LearnedTagger.load(path);
    assert.equal(loaded.stages.length, 2);
    assert.equal(loaded.newCueMargin, 2.5);
    assert.deepEqual(loaded.stages[0]!.weights, model.stages[0]!.weights);
    assert.deepEqual(loaded.stages[1]!.transitions, model.stages[1]!.transitions);
    const prepared = prepareDocument(HELD_OUT[0]!);
    assert.ok(prepared.feats.length > 0);
    const text = HELD_OUT[0]!.text;
    assert.deepEqual(extractWith(loaded, text), extractWith(model, text));

    assert.equal(modelFromEnvironment({}), null);
    assert.deepEqual(extractWith(modelFromEnvironment({ CLAIMTRACE_ATTRIBUTION_MODEL: path }), text), extractWith(model, text));

    const file = JSON.parse(readFileSync(path, "utf8"));
    writeFileSync(join(dir, "old.json"), JSON.stringify({ ...file, featureVersion: file.featureVersion + 1 }));
    assert.throws(() => LearnedTagger.load(join(dir, "old.json")), /train it again/);
    writeFileSync(join(dir, "other.json"), JSON.stringify({ format: "something-else" }));
    assert.throws(() => LearnedTagger.load(join(dir, "other.json")), /not an attribution tagger model/);
    assert.throws(() => LearnedTagger.load(join(dir, "missing.json")), /cannot read attribution model/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("extraction scores the features all stages share once, with the same tags and margins as stage-by-stage decoding", () => {
  const model = trainFromDocuments(TRAIN, { epochs: 3, stages: 3, bits: 12 });
  for (const doc of [...HELD_OUT, ...TRAIN.slice(0, 3)]) {
    const segmented = runPipeline(plainTextDocument(doc.text), [cleanStage, segmentStage]);
    const paragraphs = segmented.layers.paragraphs ?? [];
    const quotes = findQuotes(doc.text, paragraphs);
    const tv = new TokenView(doc.text, splitClitics(doc.text, segmented.layers.tokens ?? []), segmented.layers.sentences ?? [], quotes);
    const drafts = findDrafts(tv, quotes, paragraphs);
    // Each stage on its own: decode over all of its features (as in training).
    const input = { tv, sequences: paragraphSequences(tv, paragraphs), ruleTags: tagsFromDrafts(tv, drafts) };
    const base = extractFeatures(input);
    const scratch = new Scratch();
    const margins = new Float64Array(tv.n);
    let tags = new Uint8Array(tv.n);
    for (const s of input.sequences) decode(model.stages[0]!, base, s.first, s.end, tags, scratch);
    for (let k = 1; k < model.stages.length; k++) {
      const feats = stackedFeatures(input, tags, base);
      tags = new Uint8Array(tv.n);
      for (const s of input.sequences) decode(model.stages[k]!, feats, s.first, s.end, tags, scratch, k === model.stages.length - 1 ? margins : undefined);
    }
    const got = model.tag(tv, paragraphs, drafts);
    assert.deepEqual(got.tags, tags);
    assert.deepEqual(got.margins, margins);
    // The shared scores in WebAssembly (where extraction computes them) and in JavaScript: the same to the bit.
    const table = StageTable.of(model.stages)!;
    const js = new Float64Array(model.stages.length * tv.n * TAG_COUNT);
    for (const s of input.sequences) sharedScores(table, base, FEATURES_PER_TOKEN, s.first, s.end, tv.n, js, scratch);
    const simd = SimdScores.of(table);
    assert.ok(simd, "WebAssembly SIMD is available");
    assert.deepEqual(simd.scores(base, input.sequences, tv.n), js);
    // A later stage's own features added in WebAssembly, against decodeStage's sums in JavaScript.
    for (let k = 1; k < model.stages.length; k++) {
      const own = stageFeatures(input, input.ruleTags);
      const whole = simd.scores(base, input.sequences, tv.n);
      simd.addStage(own, input.sequences, k);
      for (const s of input.sequences) {
        decodeStage(table, k, own, STAGE_FEATURES_PER_TOKEN, js, tv.n, s.first, s.end, new Uint8Array(tv.n), scratch);
        assert.deepEqual(scratch.emits.slice(0, (s.end - s.first) * TAG_COUNT), whole.slice((k * tv.n + s.first) * TAG_COUNT, (k * tv.n + s.end) * TAG_COUNT));
      }
    }
  }
});
