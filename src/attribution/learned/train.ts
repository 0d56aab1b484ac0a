import type { Document } from "../../model/document.js";
import type { Span } from "../../model/span.js";
import { plainTextDocument } from "../../ingest/document.js";
import { runPipeline } from "../../pipeline/pipeline.js";
import { cleanStage } from "../../pipeline/stages/clean.js";
import { segmentStage } from "../../pipeline/stages/segment.js";
import { findDrafts } from "../extract.js";
import { findQuotes } from "../quotes.js";
import { TokenView } from "../tokens.js";
import { splitClitics } from "./clitics.js";
import { extractFeatures, FEATURES_PER_TOKEN, paragraphSequences, stackedFeatures, STACKED_FEATURES_PER_TOKEN, type FeatureInput } from "./features.js";
import { LearnedTagger } from "./model.js";
import { decode, PerceptronTrainer, Scratch, type TaggerWeights } from "./tagger.js";
import { tagsFromDrafts, tagsFromRelations, type SpanRelation } from "./tags.js";

/** One annotated text: its attributions as character spans. */
export interface TrainingDocument {
  name: string;
  /** Documents of one group (one article annotated twice) stay in one fold when the first stage is cross-fitted. */
  group?: string;
  text: string;
  relations: readonly SpanRelation[];
}

/** A document made ready for training: features (with the rules' tags in them) and gold tags per token. */
export interface PreparedDocument {
  name: string;
  group: string;
  input: FeatureInput;
  feats: Uint32Array;
  gold: Uint8Array;
  sequences: Array<{ first: number; end: number }>;
}

/** The same stages extraction runs before attributions, then the rules, then features and gold tags. */
export function prepareDocument(doc: TrainingDocument): PreparedDocument {
  const segmented: Document = runPipeline(plainTextDocument(doc.text, { source: doc.name }), [cleanStage, segmentStage]);
  const paragraphs: Span[] = segmented.layers.paragraphs ?? [];
  const quotes = findQuotes(doc.text, paragraphs);
  const tv = new TokenView(doc.text, splitClitics(doc.text, segmented.layers.tokens ?? []), segmented.layers.sentences ?? [], quotes);
  const drafts = findDrafts(tv, quotes, paragraphs);
  const sequences = paragraphSequences(tv, paragraphs);
  // The same features LearnedTagger.tag computes at extraction time.
  const input = { tv, sequences, ruleTags: tagsFromDrafts(tv, drafts) };
  return { name: doc.name, group: doc.group ?? doc.name, input, feats: extractFeatures(input), gold: tagsFromRelations(tv, doc.relations), sequences };
}

export interface TrainOptions {
  /** Passes over the training data. */
  epochs?: number;
  /** log2 of the number of feature hash buckets. */
  bits?: number;
  /** One stage, or two or three (each later one reads the tags of the one before). */
  stages?: 1 | 2 | 3;
  /** Folds for cross-fitting the first stage's tags that the second stage learns from. */
  folds?: number;
  /** See LearnedTagger.newCueMargin (0: every cue the tagger finds is kept). */
  newCueMargin?: number;
  /** Seed of the example order shuffle: the same data and seed give the same model. */
  seed?: number;
  /** Called after each pass with the stage, the pass number and the tokens the tagger got wrong in it. */
  onEpoch?: (stage: string, epoch: number, errors: number) => void;
  trainedOn?: Record<string, unknown>;
}

export const DEFAULT_EPOCHS = 12;
export const DEFAULT_BITS = 16;
export const DEFAULT_STAGES = 3;
export const DEFAULT_FOLDS = 4;

interface Example {
  feats: Uint32Array;
  gold: Uint8Array;
  first: number;
  end: number;
}

/** Averaged-perceptron training over paragraphs, in a shuffled order each pass. */
function trainStage(name: string, examples: Example[], featuresPerToken: number, options: TrainOptions): TaggerWeights {
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  // Each stage scores from its own features only (offsetScale 0: no share of the stage before's scores).
  const trainer = new PerceptronTrainer(options.bits ?? DEFAULT_BITS, featuresPerToken, 0);
  const scratch = new Scratch();
  let seed = options.seed ?? 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const order = [...examples];
  const predicted = new Uint8Array(Math.max(1, ...examples.map((e) => e.gold.length)));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    let errors = 0;
    for (const ex of order) errors += trainer.learn(ex.feats, ex.first, ex.end, ex.gold, predicted, scratch);
    options.onEpoch?.(name, epoch, errors);
  }
  return trainer.averaged();
}

const examplesOf = (docs: readonly PreparedDocument[], feats: (d: PreparedDocument) => Uint32Array): Example[] =>
  docs.flatMap((d) => d.sequences.map((s) => ({ feats: feats(d), gold: d.gold, first: s.first, end: s.end })));

/** A stage's tags on a document, from that stage's features of it. */
function tagWith(weights: TaggerWeights, feats: Uint32Array, doc: PreparedDocument, scratch: Scratch): Uint8Array {
  const tags = new Uint8Array(doc.gold.length);
  for (const s of doc.sequences) decode(weights, feats, s.first, s.end, tags, scratch);
  return tags;
}

/**
 * Trains the tagger. With more than one stage, each later stage learns from the tags of the stage before on
 * documents that stage did not see (cross-fitting over `folds` folds by group), so it learns how far to trust
 * them on new text.
 */
export function trainTagger(docs: readonly PreparedDocument[], options: TrainOptions = {}): LearnedTagger {
  const stages = options.stages ?? DEFAULT_STAGES;
  const first = trainStage("stage 1", examplesOf(docs, (d) => d.feats), FEATURES_PER_TOKEN, options);
  const trained = [first];
  if (stages >= 2) {
    const folds = Math.max(2, options.folds ?? DEFAULT_FOLDS);
    const foldOf = (d: PreparedDocument) => hashGroup(d.group) % folds;
    const split = (f: number) => ({ held: docs.filter((d) => foldOf(d) === f), rest: docs.filter((d) => foldOf(d) !== f) });
    // Each later stage learns from the tags of the stage before on documents that stage was not trained on.
    let stacked = new Map<PreparedDocument, Uint32Array>();
    const scratch = new Scratch();
    for (let f = 0; f < folds; f++) {
      const { held, rest } = split(f);
      if (held.length === 0) continue;
      const w = rest.length ? trainStage(`stage 1, fold ${f + 1}/${folds}`, examplesOf(rest, (d) => d.feats), FEATURES_PER_TOKEN, options) : first;
      for (const d of held) stacked.set(d, stackedFeatures(d.input, tagWith(w, d.feats, d, scratch), d.feats));
    }
    for (let k = 2; k <= stages; k++) {
      const current = stacked;
      trained.push(trainStage(`stage ${k}`, examplesOf(docs, (d) => current.get(d)!), STACKED_FEATURES_PER_TOKEN, options));
      if (k === stages) break;
      const next = new Map<PreparedDocument, Uint32Array>();
      for (let f = 0; f < folds; f++) {
        const { held, rest } = split(f);
        if (held.length === 0) continue;
        const w = rest.length ? trainStage(`stage ${k}, fold ${f + 1}/${folds}`, examplesOf(rest, (d) => current.get(d)!), STACKED_FEATURES_PER_TOKEN, options) : trained[k - 1]!;
        for (const d of held) next.set(d, stackedFeatures(d.input, tagWith(w, current.get(d)!, d, scratch), d.feats));
      }
      stacked = next;
    }
  }
  const trainedOn = { epochs: options.epochs ?? DEFAULT_EPOCHS, bits: options.bits ?? DEFAULT_BITS, stages, documents: docs.length, ...options.trainedOn };
  return new LearnedTagger(trained, trainedOn, options.newCueMargin ?? 0);
}

function hashGroup(group: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Prepares and trains in one go. */
export function trainFromDocuments(docs: readonly TrainingDocument[], options: TrainOptions = {}): LearnedTagger {
  return trainTagger(docs.map(prepareDocument), options);
}
