import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { CUE_FORMS } from "../../lang/en/cues.js";
import type { Span } from "../../model/span.js";
import type { Draft } from "../extract.js";
import type { TokenView } from "../tokens.js";
import { extractFeatures, FEATURES_PER_TOKEN, paragraphSequences, stackedFeatures, stageFeatures, STAGE_FEATURES_PER_TOKEN } from "./features.js";
import { linkSpans } from "./relations.js";
import { decode, decodeStage, modelFile, Scratch, sharedScores, StageTable, stagesFromFile, type TaggerFile, type TaggerWeights } from "./tagger.js";
import { SimdScores } from "./simd.js";
import { spansFromTags, TAG_COUNT, tagsFromDrafts } from "./tags.js";

/**
 * What the rule extractor asks of a learned model: given the rules' drafts for a document, the drafts to use
 * instead. The rules' output is one of the model's inputs (stacking), so the model learns where they are right.
 */
export interface AttributionModel {
  refine(tv: TokenView, paragraphs: readonly Span[], ruleDrafts: readonly Draft[]): Draft[];
}

/**
 * The learned span tagger (see tagger.ts) with the linking of its spans into attributions, in stages: the first
 * tags from the token features and the rules' tags; each later one tags again from the same features and
 * features of where the stage before put cues and sources (PolNeAR models have three). A stage may also start
 * from a share of the scores of the one before (TaggerWeights.offsetScale); models trained now do not.
 */
export class LearnedTagger implements AttributionModel {
  private readonly scratch = new Scratch();
  /** The stages' weights side by side, made on first use (null: the stages cannot share a table). */
  private table: StageTable | null | undefined;
  /** sharedScores in WebAssembly for the table, where the runtime has SIMD. */
  private simd: SimdScores | null = null;

  /**
   * How sure the tagger must be of a cue that the rules did not find and that has no lexicon word. Scores grow
   * with the size of the training corpus, so the threshold belongs to a model: PolNeAR-trained models get the
   * value tuned on PolNeAR dev (POLNEAR_NEW_CUE_MARGIN).
   */
  newCueMargin: number;

  constructor(
    readonly stages: readonly TaggerWeights[],
    readonly trainedOn: Record<string, unknown> = {},
    newCueMargin = 0,
  ) {
    this.newCueMargin = newCueMargin;
  }

  /**
   * Tags of every token (0 outside the paragraphs) and how sure the last stage is of each token's role. The
   * first stage's features are in every stage, so their weights are summed once for all stages (sharedScores);
   * a later stage then adds only the weights of its own features, from the tags of the stage before.
   */
  tag(tv: TokenView, paragraphs: readonly Span[], ruleDrafts: readonly Draft[]): { tags: Uint8Array; margins: Float64Array } {
    if (this.table === undefined) {
      this.table = StageTable.of(this.stages);
      this.simd = this.table ? SimdScores.of(this.table) : null;
    }
    const table = this.table;
    if (!table) return this.tagStageByStage(tv, paragraphs, ruleDrafts);
    const sequences = paragraphSequences(tv, paragraphs);
    const input = { tv, sequences, ruleTags: tagsFromDrafts(tv, ruleDrafts) };
    const base = extractFeatures(input);
    const n = tv.n;
    const margins = new Float64Array(n);
    const last = this.stages.length - 1;
    let shared: Float64Array;
    if (this.simd) shared = this.simd.scores(base, sequences, n);
    else {
      shared = new Float64Array(this.stages.length * n * TAG_COUNT);
      for (const s of sequences) sharedScores(table, base, FEATURES_PER_TOKEN, s.first, s.end, n, shared, this.scratch);
    }
    let tags = new Uint8Array(n);
    for (const s of sequences) decodeStage(table, 0, null, 0, shared, n, s.first, s.end, tags, this.scratch, last === 0 ? margins : undefined);
    for (let k = 1; k <= last; k++) {
      const own = stageFeatures(input, tags);
      tags = new Uint8Array(n);
      const margin = k === last ? margins : undefined;
      if (this.simd) {
        // The stage's own features added to its shared scores in place: its scores are then complete.
        this.simd.addStage(own, sequences, k);
        for (const s of sequences) decodeStage(table, k, null, 0, shared, n, s.first, s.end, tags, this.scratch, margin);
      } else for (const s of sequences) decodeStage(table, k, own, STAGE_FEATURES_PER_TOKEN, shared, n, s.first, s.end, tags, this.scratch, margin);
    }
    return { tags, margins };
  }

  /** tag for models whose stages cannot share a table: each stage scores all of its features itself. */
  private tagStageByStage(tv: TokenView, paragraphs: readonly Span[], ruleDrafts: readonly Draft[]): { tags: Uint8Array; margins: Float64Array } {
    const sequences = paragraphSequences(tv, paragraphs);
    const input = { tv, sequences, ruleTags: tagsFromDrafts(tv, ruleDrafts) };
    const base = extractFeatures(input);
    const margins = new Float64Array(tv.n);
    const last = this.stages.length - 1;
    let tags = new Uint8Array(tv.n);
    // A stage's scores are kept only for a next stage that starts from a share of them (older models).
    const wantScores = (k: number) => k < last && this.stages[k + 1]!.offsetScale !== 0;
    let scores = wantScores(0) ? new Float64Array(tv.n * TAG_COUNT) : undefined;
    for (const s of sequences) decode(this.stages[0]!, base, s.first, s.end, tags, this.scratch, last === 0 ? margins : undefined, undefined, scores);
    for (let k = 1; k <= last; k++) {
      const feats = stackedFeatures(input, tags, base);
      const offsets = scores;
      scores = wantScores(k) ? new Float64Array(tv.n * TAG_COUNT) : undefined;
      tags = new Uint8Array(tv.n);
      for (const s of sequences) decode(this.stages[k]!, feats, s.first, s.end, tags, this.scratch, k === last ? margins : undefined, offsets, scores);
    }
    return { tags, margins };
  }

  /**
   * The tagger's attributions, with two corrections where it meets the rules: a cue that overlaps a rule's cue
   * takes the rule's boundaries (the rules know the cue conventions: "also said", "told reporters"), and a cue
   * the rules did not see at all, with no word of the cue lexicon in it, is kept only when the tagger is sure of
   * it (margin ≥ newCueMargin): on PolNeAR dev such cues are right a quarter of the time, against nearly half for
   * new cues with a lexicon verb (which the rules missed for their structure: "Trump tweeted in the morning").
   */
  refine(tv: TokenView, paragraphs: readonly Span[], ruleDrafts: readonly Draft[]): Draft[] {
    const { tags, margins } = this.tag(tv, paragraphs, ruleDrafts);
    const learned = linkSpans(tv, spansFromTags(tags), paragraphSequences(tv, paragraphs), ruleDrafts);
    const ruleCueAt = new Int32Array(tv.n).fill(-1);
    ruleDrafts.forEach((r, k) => {
      if (r.cue) ruleCueAt.fill(k, r.cue.first, r.cue.last + 1);
    });
    const kept = learned.filter((d) => {
      const cue = d.cue!;
      let sure = Infinity;
      let lexical = false;
      for (let t = cue.first; t <= cue.last; t++) {
        if (CUE_FORMS.has(tv.word(t)) || (tv.word(t) === "according" && tv.word(t + 1) === "to")) lexical = true;
        const k = ruleCueAt[t]!;
        if (k >= 0) {
          const rule = ruleDrafts[k]!;
          d.cue = { ...rule.cue! };
          d.cueMatch = rule.cueMatch;
          return true;
        }
        sure = Math.min(sure, margins[t]!);
      }
      return lexical || sure >= this.newCueMargin;
    });
    // Rule attributions whose cue the tagger left untagged stay: half of them are right, which is more than
    // the tagger's recall costs.
    for (const r of ruleDrafts) {
      if (!r.cue) continue;
      let free = true;
      for (let t = r.cue.first; t <= r.cue.last && free; t++) if (tags[t] === 3 || tags[t] === 4) free = false;
      if (free) kept.push(r);
    }
    return kept.sort((a, b) => a.cue!.first - b.cue!.first);
  }

  toJSON(): TaggerFile {
    return modelFile(this.stages, this.trainedOn, this.newCueMargin);
  }

  save(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(this.toJSON()));
  }

  static fromJSON(file: TaggerFile): LearnedTagger {
    return new LearnedTagger(stagesFromFile(file), file.trainedOn ?? {}, Number.isFinite(file.newCueMargin) ? file.newCueMargin : 0);
  }

  static load(path: string): LearnedTagger {
    let file: TaggerFile;
    try {
      file = JSON.parse(readFileSync(path, "utf8")) as TaggerFile;
    } catch (e) {
      throw new Error(`cannot read attribution model ${path}: ${(e as Error).message}`);
    }
    return LearnedTagger.fromJSON(file);
  }
}

/** The new-cue margin tuned on PolNeAR dev for models trained on PolNeAR train (see newCueMargin). */
export const POLNEAR_NEW_CUE_MARGIN = 400;

/** Default place for a trained model: under the git-ignored .claimtrace directory of the working directory. */
export const DEFAULT_MODEL_PATH = ".claimtrace/models/attribution-tagger.json";

const loaded = new Map<string, LearnedTagger>();

/** The model named by $CLAIMTRACE_ATTRIBUTION_MODEL, loaded once per path; null when the variable is unset. */
export function modelFromEnvironment(env: NodeJS.ProcessEnv = process.env): LearnedTagger | null {
  const path = env.CLAIMTRACE_ATTRIBUTION_MODEL;
  if (!path) return null;
  let m = loaded.get(path);
  if (!m) loaded.set(path, (m = LearnedTagger.load(path)));
  return m;
}
