import { bucketOf, FEATURE_VERSION } from "./features.js";
import { allowedTransition, TAG_COUNT as TAGS } from "./tags.js";

/** The tag count as a constant of this module: read in the innermost loops, where an imported binding may cost a lookup. */
const TAG_COUNT = TAGS;

// Viterbi and the max-marginals below are written out for the seven BIO tags of tags.ts: O, then a begin and an
// inside tag per role, an inside tag only after its role's begin or inside tag. Checked once here, so that a
// change of the tags cannot go unnoticed.
/** allowedTransition as a table in the layout of TaggerWeights.transitions (prev = -1, the start, as O). */
const ALLOWED = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
for (let p = -1; p < TAG_COUNT; p++) for (let y = 0; y < TAG_COUNT; y++) ALLOWED[(p + 1) * TAG_COUNT + y] = allowedTransition(p < 0 ? 0 : p, y) ? 1 : 0;

for (let p = 0; p < TAG_COUNT; p++) {
  for (let y = 0; y < TAG_COUNT; y++) {
    const bio = y === 0 || y % 2 === 1 || p === y || p === y - 1;
    if (TAG_COUNT !== 7 || allowedTransition(p, y) !== bio) throw new Error("tagger.ts: viterbi is written for the 7 BIO tags of tags.ts");
  }
}

/**
 * A linear-chain tagger: per-token scores from hashed features (a weight row of TAG_COUNT per hash bucket)
 * plus tag-to-tag transition scores, decoded exactly by Viterbi with BIO constraints. Trained as an averaged
 * structured perceptron (Collins 2002) with the lazy averaging trick, so an update costs only the features
 * it touches.
 */
export interface TaggerWeights {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Features each token has (the length of its row in the feature array). */
  featuresPerToken: number;
  /** Weight of the scores of the stage before (a later stage adds to them): keeps its ±1 updates in scale. */
  offsetScale: number;
  /** Bucket-major, a row of ROW floats per bucket (TAG_COUNT used): weights[bucket * ROW + tag]. */
  weights: Float32Array;
  /** transitions[(prev + 1) * TAG_COUNT + next]; prev = -1 is the start of a sequence. */
  transitions: Float32Array;
}

export const TRANSITION_ROWS = TAG_COUNT + 1;
/** A bucket's row is padded to 8 floats, 32 bytes: one cache line holds it whole. */
const ROW = 8;

export function emptyWeights(bits: number, featuresPerToken: number, offsetScale = 1): TaggerWeights {
  return { bits, featuresPerToken, offsetScale, weights: new Float32Array((1 << bits) * ROW), transitions: new Float32Array(TRANSITION_ROWS * TAG_COUNT) };
}

/**
 * Best tag sequence for tokens [first, end), written into `tags`. `scratch` is reused between calls. With
 * `margins`, also how sure each token's role is: the best sequence's score minus the best score of a sequence
 * that gives the token another role (max-marginals from a backward pass), written at the token's index.
 */
export function decode(
  model: TaggerWeights,
  feats: Uint32Array,
  first: number,
  end: number,
  tags: Uint8Array,
  scratch: Scratch,
  margins?: Float64Array,
  offsets?: Float64Array,
  emissionsOut?: Float64Array,
): void {
  const len = end - first;
  if (len <= 0) return;
  const K = model.featuresPerToken;
  const shift = 32 - model.bits;
  const w = model.weights;
  scratch.ensure(len);
  const emits = scratch.emits;
  for (let t = 0; t < len; t++) {
    const base = (first + t) * K;
    const e0 = t * TAG_COUNT;
    // Seven running sums in locals (TAG_COUNT is 7).
    // A later stage starts from the scores of the stage before (`offsets`) and adds its own features' weights.
    const o = (first + t) * TAG_COUNT;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    if (offsets && model.offsetScale !== 0) {
      const c = model.offsetScale;
      s0 = c * offsets[o]!;
      s1 = c * offsets[o + 1]!;
      s2 = c * offsets[o + 2]!;
      s3 = c * offsets[o + 3]!;
      s4 = c * offsets[o + 4]!;
      s5 = c * offsets[o + 5]!;
      s6 = c * offsets[o + 6]!;
    }
    for (let k = 0; k < K; k++) {
      // bucketOf, inlined.
      const row = (Math.imul(feats[base + k]!, 0x85ebca6b) >>> shift) * ROW;
      s0 += w[row]!;
      s1 += w[row + 1]!;
      s2 += w[row + 2]!;
      s3 += w[row + 3]!;
      s4 += w[row + 4]!;
      s5 += w[row + 5]!;
      s6 += w[row + 6]!;
    }
    emits[e0] = s0;
    emits[e0 + 1] = s1;
    emits[e0 + 2] = s2;
    emits[e0 + 3] = s3;
    emits[e0 + 4] = s4;
    emits[e0 + 5] = s5;
    emits[e0 + 6] = s6;
    if (emissionsOut) emissionsOut.set(emits.subarray(e0, e0 + TAG_COUNT), o);
  }
  viterbi(model.transitions, len, first, tags, scratch, margins);
}

/**
 * Best tag sequence for tokens [first, first + len) from the token scores in scratch.emits (token t of the
 * sequence at t * TAG_COUNT) and the transition scores `tr`, written into `tags`; with `margins`, also how sure
 * each token's role is (see decode).
 */
export function viterbi(tr: Float32Array, len: number, first: number, tags: Uint8Array, scratch: Scratch, margins?: Float64Array): void {
  const score = scratch.score;
  const back = scratch.back;
  const emits = scratch.emits;
  // Transitions with the BIO constraints folded in (−∞ where an inside tag would not continue its span).
  const trans = scratch.transitions;
  for (let k = 0; k < TRANSITION_ROWS * TAG_COUNT; k++) trans[k] = ALLOWED[k] ? tr[k]! : -Infinity;
  for (let y = 0; y < TAG_COUNT; y++) {
    score[y] = trans[y]! + emits[y]!;
    back[y] = -1;
  }
  // The transitions, in locals: f{p}t{y} from tag p to tag y (BIO: see allowedTransition). The loop below is
  // written for TAGS as tags.ts has them: O and the begin tags may follow any tag, an inside tag only its
  // role's begin or inside tag (the others are −∞ and could never be the best).
  const f0t0 = trans[7]!, f1t0 = trans[14]!, f2t0 = trans[21]!, f3t0 = trans[28]!, f4t0 = trans[35]!, f5t0 = trans[42]!, f6t0 = trans[49]!,
    f0t1 = trans[8]!, f1t1 = trans[15]!, f2t1 = trans[22]!, f3t1 = trans[29]!, f4t1 = trans[36]!, f5t1 = trans[43]!, f6t1 = trans[50]!,
    f0t3 = trans[10]!, f1t3 = trans[17]!, f2t3 = trans[24]!, f3t3 = trans[31]!, f4t3 = trans[38]!, f5t3 = trans[45]!, f6t3 = trans[52]!,
    f0t5 = trans[12]!, f1t5 = trans[19]!, f2t5 = trans[26]!, f3t5 = trans[33]!, f4t5 = trans[40]!, f5t5 = trans[47]!, f6t5 = trans[54]!,
    f1t2 = trans[16]!, f2t2 = trans[23]!,
    f3t4 = trans[32]!, f4t4 = trans[39]!,
    f5t6 = trans[48]!, f6t6 = trans[55]!;
  for (let t = 1; t < len; t++) {
    const e0 = t * TAG_COUNT;
    const pb = (t - 1) * TAG_COUNT;
    const p0 = score[pb + 0]!, p1 = score[pb + 1]!, p2 = score[pb + 2]!, p3 = score[pb + 3]!, p4 = score[pb + 4]!, p5 = score[pb + 5]!, p6 = score[pb + 6]!;
    let best: number, arg: number, v: number;
    best = p0 + f0t0;
    arg = 0;
    v = p1 + f1t0;
    if (v > best) { best = v; arg = 1; }
    v = p2 + f2t0;
    if (v > best) { best = v; arg = 2; }
    v = p3 + f3t0;
    if (v > best) { best = v; arg = 3; }
    v = p4 + f4t0;
    if (v > best) { best = v; arg = 4; }
    v = p5 + f5t0;
    if (v > best) { best = v; arg = 5; }
    v = p6 + f6t0;
    if (v > best) { best = v; arg = 6; }
    score[e0 + 0] = best + emits[e0 + 0]!;
    back[e0 + 0] = arg;
    best = p0 + f0t1;
    arg = 0;
    v = p1 + f1t1;
    if (v > best) { best = v; arg = 1; }
    v = p2 + f2t1;
    if (v > best) { best = v; arg = 2; }
    v = p3 + f3t1;
    if (v > best) { best = v; arg = 3; }
    v = p4 + f4t1;
    if (v > best) { best = v; arg = 4; }
    v = p5 + f5t1;
    if (v > best) { best = v; arg = 5; }
    v = p6 + f6t1;
    if (v > best) { best = v; arg = 6; }
    score[e0 + 1] = best + emits[e0 + 1]!;
    back[e0 + 1] = arg;
    best = p1 + f1t2;
    arg = 1;
    v = p2 + f2t2;
    if (v > best) { best = v; arg = 2; }
    score[e0 + 2] = best + emits[e0 + 2]!;
    back[e0 + 2] = arg;
    best = p0 + f0t3;
    arg = 0;
    v = p1 + f1t3;
    if (v > best) { best = v; arg = 1; }
    v = p2 + f2t3;
    if (v > best) { best = v; arg = 2; }
    v = p3 + f3t3;
    if (v > best) { best = v; arg = 3; }
    v = p4 + f4t3;
    if (v > best) { best = v; arg = 4; }
    v = p5 + f5t3;
    if (v > best) { best = v; arg = 5; }
    v = p6 + f6t3;
    if (v > best) { best = v; arg = 6; }
    score[e0 + 3] = best + emits[e0 + 3]!;
    back[e0 + 3] = arg;
    best = p3 + f3t4;
    arg = 3;
    v = p4 + f4t4;
    if (v > best) { best = v; arg = 4; }
    score[e0 + 4] = best + emits[e0 + 4]!;
    back[e0 + 4] = arg;
    best = p0 + f0t5;
    arg = 0;
    v = p1 + f1t5;
    if (v > best) { best = v; arg = 1; }
    v = p2 + f2t5;
    if (v > best) { best = v; arg = 2; }
    v = p3 + f3t5;
    if (v > best) { best = v; arg = 3; }
    v = p4 + f4t5;
    if (v > best) { best = v; arg = 4; }
    v = p5 + f5t5;
    if (v > best) { best = v; arg = 5; }
    v = p6 + f6t5;
    if (v > best) { best = v; arg = 6; }
    score[e0 + 5] = best + emits[e0 + 5]!;
    back[e0 + 5] = arg;
    best = p5 + f5t6;
    arg = 5;
    v = p6 + f6t6;
    if (v > best) { best = v; arg = 6; }
    score[e0 + 6] = best + emits[e0 + 6]!;
    back[e0 + 6] = arg;
  }
  let best = -Infinity;
  let y = 0;
  for (let c = 0; c < TAG_COUNT; c++) {
    const s = score[(len - 1) * TAG_COUNT + c]!;
    if (s > best) {
      best = s;
      y = c;
    }
  }
  for (let t = len - 1; t >= 0; t--) {
    tags[first + t] = y;
    y = back[t * TAG_COUNT + y]!;
  }
  if (margins) maxMarginals(len, best, first, tags, scratch, margins);
}

function maxMarginals(len: number, best: number, first: number, tags: Uint8Array, scratch: Scratch, margins: Float64Array): void {
  const { score, emits, backward, transitions: tr } = scratch;
  for (let y = 0; y < TAG_COUNT; y++) backward[(len - 1) * TAG_COUNT + y] = 0;
  // The best score of the rest of the sequence after each tag, from the end: the transitions in locals as in
  // viterbi (f{y}t{z}: from y to z), and only the tags that may follow y (the others are −∞).
  const f0t0 = tr[7]!, f1t0 = tr[14]!, f2t0 = tr[21]!, f3t0 = tr[28]!, f4t0 = tr[35]!, f5t0 = tr[42]!, f6t0 = tr[49]!,
    f0t1 = tr[8]!, f1t1 = tr[15]!, f2t1 = tr[22]!, f3t1 = tr[29]!, f4t1 = tr[36]!, f5t1 = tr[43]!, f6t1 = tr[50]!,
    f0t3 = tr[10]!, f1t3 = tr[17]!, f2t3 = tr[24]!, f3t3 = tr[31]!, f4t3 = tr[38]!, f5t3 = tr[45]!, f6t3 = tr[52]!,
    f0t5 = tr[12]!, f1t5 = tr[19]!, f2t5 = tr[26]!, f3t5 = tr[33]!, f4t5 = tr[40]!, f5t5 = tr[47]!, f6t5 = tr[54]!,
    f1t2 = tr[16]!, f2t2 = tr[23]!,
    f3t4 = tr[32]!, f4t4 = tr[39]!,
    f5t6 = tr[48]!, f6t6 = tr[55]!;
  for (let t = len - 2; t >= 0; t--) {
    const n0 = (t + 1) * TAG_COUNT;
    const e0 = emits[n0 + 0]!, e1 = emits[n0 + 1]!, e2 = emits[n0 + 2]!, e3 = emits[n0 + 3]!, e4 = emits[n0 + 4]!, e5 = emits[n0 + 5]!, e6 = emits[n0 + 6]!;
    const r0 = backward[n0 + 0]!, r1 = backward[n0 + 1]!, r2 = backward[n0 + 2]!, r3 = backward[n0 + 3]!, r4 = backward[n0 + 4]!, r5 = backward[n0 + 5]!, r6 = backward[n0 + 6]!;
    const o = t * TAG_COUNT;
    backward[o + 0] = Math.max(f0t0 + e0 + r0, f0t1 + e1 + r1, f0t3 + e3 + r3, f0t5 + e5 + r5);
    backward[o + 1] = Math.max(f1t0 + e0 + r0, f1t1 + e1 + r1, f1t2 + e2 + r2, f1t3 + e3 + r3, f1t5 + e5 + r5);
    backward[o + 2] = Math.max(f2t0 + e0 + r0, f2t1 + e1 + r1, f2t2 + e2 + r2, f2t3 + e3 + r3, f2t5 + e5 + r5);
    backward[o + 3] = Math.max(f3t0 + e0 + r0, f3t1 + e1 + r1, f3t3 + e3 + r3, f3t4 + e4 + r4, f3t5 + e5 + r5);
    backward[o + 4] = Math.max(f4t0 + e0 + r0, f4t1 + e1 + r1, f4t3 + e3 + r3, f4t4 + e4 + r4, f4t5 + e5 + r5);
    backward[o + 5] = Math.max(f5t0 + e0 + r0, f5t1 + e1 + r1, f5t3 + e3 + r3, f5t5 + e5 + r5, f5t6 + e6 + r6);
    backward[o + 6] = Math.max(f6t0 + e0 + r0, f6t1 + e1 + r1, f6t3 + e3 + r3, f6t5 + e5 + r5, f6t6 + e6 + r6);
  }
  for (let t = 0; t < len; t++) {
    const chosen = tags[first + t]!;
    const role = chosen === 0 ? 0 : (chosen + 1) >> 1;
    let other = -Infinity;
    for (let y = 0; y < TAG_COUNT; y++) {
      if ((y === 0 ? 0 : (y + 1) >> 1) === role) continue;
      const v = score[t * TAG_COUNT + y]! + backward[t * TAG_COUNT + y]!;
      if (v > other) other = v;
    }
    margins[first + t] = best - other;
  }
}

/** Buffers for Viterbi, grown to the longest sequence seen. */
export class Scratch {
  score = new Float64Array(0);
  back = new Int8Array(0);
  emits = new Float64Array(0);
  backward = new Float64Array(0);
  transitions = new Float64Array(TRANSITION_ROWS * TAG_COUNT);
  private rows = new Int32Array(0);
  rowsFor(k: number): Int32Array {
    if (this.rows.length < k) this.rows = new Int32Array(k);
    return this.rows;
  }
  ensure(len: number): void {
    if (this.score.length >= len * TAG_COUNT) return;
    const size = Math.max(len, 256) * TAG_COUNT * 2;
    this.score = new Float64Array(size);
    this.back = new Int8Array(size);
    this.emits = new Float64Array(size);
    this.backward = new Float64Array(size);
  }
}

/**
 * The weights of all the stages of a model in one table, bucket-major: a bucket's rows of every stage side by
 * side (ROW floats per stage), so that a feature every stage has (the first stage's features, which each later
 * stage has too) is hashed once and its weights for all stages come from neighbouring cache lines.
 */
export class StageTable {
  readonly stride: number;
  readonly shift: number;
  readonly weights: Float32Array;

  private constructor(readonly stages: readonly TaggerWeights[]) {
    const bits = stages[0]!.bits;
    this.stride = stages.length * ROW;
    this.shift = 32 - bits;
    this.weights = new Float32Array((1 << bits) * this.stride);
    const rows = 1 << bits;
    stages.forEach((m, k) => {
      for (let b = 0; b < rows; b++) this.weights.set(m.weights.subarray(b * ROW, b * ROW + TAG_COUNT), b * this.stride + k * ROW);
    });
  }

  /** The table of a model's stages; null when they cannot share one (hash sizes differ, or a stage starts from the scores of the one before). */
  static of(stages: readonly TaggerWeights[]): StageTable | null {
    if (stages.length === 0 || stages.some((m, k) => m.bits !== stages[0]!.bits || (k > 0 && m.offsetScale !== 0))) return null;
    return new StageTable(stages);
  }
}

/**
 * For every stage of `table`, the token scores from features that all stages have, for tokens [first, end):
 * the weights of each token's K features (a row of `feats`) summed in row order, as decode sums them, into
 * out[(stage * n + token) * TAG_COUNT + tag].
 */
export function sharedScores(table: StageTable, feats: Uint32Array, K: number, first: number, end: number, n: number, out: Float64Array, scratch: Scratch): void {
  const w = table.weights;
  const shift = table.shift;
  const stride = table.stride;
  const stages = table.stages.length;
  const rows = scratch.rowsFor(K);
  for (let i = first; i < end; i++) {
    const base = i * K;
    for (let k = 0; k < K; k++) rows[k] = (Math.imul(feats[base + k]!, 0x85ebca6b) >>> shift) * stride;
    for (let st = 0; st < stages; st++) {
      const at = st * ROW;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
      for (let k = 0; k < K; k++) {
        const row = rows[k]! + at;
        s0 += w[row]!;
        s1 += w[row + 1]!;
        s2 += w[row + 2]!;
        s3 += w[row + 3]!;
        s4 += w[row + 4]!;
        s5 += w[row + 5]!;
        s6 += w[row + 6]!;
      }
      const o = (st * n + i) * TAG_COUNT;
      out[o] = s0;
      out[o + 1] = s1;
      out[o + 2] = s2;
      out[o + 3] = s3;
      out[o + 4] = s4;
      out[o + 5] = s5;
      out[o + 6] = s6;
    }
  }
}

/**
 * decode for stage `stage` of `table`, for tokens [first, end): the token scores are the sums of the weights of
 * the stage's own K features (a row of `feats`; K may be 0) plus its scores from `shared` (see sharedScores).
 */
export function decodeStage(
  table: StageTable,
  stage: number,
  feats: Uint32Array | null,
  K: number,
  shared: Float64Array,
  n: number,
  first: number,
  end: number,
  tags: Uint8Array,
  scratch: Scratch,
  margins?: Float64Array,
): void {
  const len = end - first;
  if (len <= 0) return;
  scratch.ensure(len);
  const emits = scratch.emits;
  const from = (stage * n + first) * TAG_COUNT;
  if (!feats || K === 0) emits.set(shared.subarray(from, from + len * TAG_COUNT));
  else {
    const w = table.weights;
    const shift = table.shift;
    const stride = table.stride;
    const at = stage * ROW;
    for (let t = 0; t < len; t++) {
      const base = (first + t) * K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
      for (let k = 0; k < K; k++) {
        const row = (Math.imul(feats[base + k]!, 0x85ebca6b) >>> shift) * stride + at;
        s0 += w[row]!;
        s1 += w[row + 1]!;
        s2 += w[row + 2]!;
        s3 += w[row + 3]!;
        s4 += w[row + 4]!;
        s5 += w[row + 5]!;
        s6 += w[row + 6]!;
      }
      const e0 = t * TAG_COUNT;
      const o = from + e0;
      emits[e0] = s0 + shared[o]!;
      emits[e0 + 1] = s1 + shared[o + 1]!;
      emits[e0 + 2] = s2 + shared[o + 2]!;
      emits[e0 + 3] = s3 + shared[o + 3]!;
      emits[e0 + 4] = s4 + shared[o + 4]!;
      emits[e0 + 5] = s5 + shared[o + 5]!;
      emits[e0 + 6] = s6 + shared[o + 6]!;
    }
  }
  viterbi(table.stages[stage]!.transitions, len, first, tags, scratch, margins);
}

/** Perceptron training state: current weights and the running sums the average is computed from. */
export class PerceptronTrainer {
  readonly current: TaggerWeights;
  private readonly weightSums: Float64Array;
  private readonly transitionSums: Float64Array;
  /** Number of examples seen; updates are weighted by it (the averaging trick). */
  private step = 1;

  constructor(bits: number, featuresPerToken: number, offsetScale = 1) {
    this.current = emptyWeights(bits, featuresPerToken, offsetScale);
    this.weightSums = new Float64Array(this.current.weights.length);
    this.transitionSums = new Float64Array(this.current.transitions.length);
  }

  /** One example: decode with the current weights, then move towards gold where the two differ. */
  learn(feats: Uint32Array, first: number, end: number, gold: Uint8Array, predicted: Uint8Array, scratch: Scratch, offsets?: Float64Array): number {
    decode(this.current, feats, first, end, predicted, scratch, undefined, offsets);
    let errors = 0;
    const K = this.current.featuresPerToken;
    const bits = this.current.bits;
    const w = this.current.weights;
    const tr = this.current.transitions;
    const c = this.step;
    for (let i = first; i < end; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      const gPrev = i === first ? -1 : gold[i - 1]!;
      const pPrev = i === first ? -1 : predicted[i - 1]!;
      if (g !== p) {
        errors++;
        for (let k = 0; k < K; k++) {
          const row = bucketOf(feats[i * K + k]!, bits) * ROW;
          w[row + g]! += 1;
          this.weightSums[row + g]! += c;
          w[row + p]! -= 1;
          this.weightSums[row + p]! -= c;
        }
      }
      if (g !== p || gPrev !== pPrev) {
        const gi = (gPrev + 1) * TAG_COUNT + g;
        const pi = (pPrev + 1) * TAG_COUNT + p;
        tr[gi]! += 1;
        this.transitionSums[gi]! += c;
        tr[pi]! -= 1;
        this.transitionSums[pi]! -= c;
      }
    }
    this.step++;
    return errors;
  }

  /** The averaged weights: w − sums / steps. */
  averaged(): TaggerWeights {
    const out = emptyWeights(this.current.bits, this.current.featuresPerToken, this.current.offsetScale);
    const c = this.step;
    for (let k = 0; k < out.weights.length; k++) out.weights[k] = this.current.weights[k]! - this.weightSums[k]! / c;
    for (let k = 0; k < out.transitions.length; k++) out.transitions[k] = this.current.transitions[k]! - this.transitionSums[k]! / c;
    return out;
  }
}

/** One tagger in a model file: only non-zero buckets, as base64 typed arrays. */
export interface StoredWeights {
  bits: number;
  featuresPerToken: number;
  offsetScale: number;
  /** Indices of the buckets stored, ascending (base64 of a little-endian Uint32Array). */
  buckets: string;
  /** TAG_COUNT weights per stored bucket (base64 of a little-endian Float32Array). */
  weights: string;
  transitions: number[];
}

/** The file format of a trained model (JSON). */
export interface TaggerFile {
  format: "claimtrace.attribution-tagger/1";
  featureVersion: number;
  tags: number;
  /** The first-stage tagger, then the second stage that reads its tags. */
  stages: StoredWeights[];
  /** See LearnedTagger.newCueMargin. */
  newCueMargin: number;
  /** What the model was trained on and how (free-form, for the reader). */
  trainedOn: Record<string, unknown>;
}

export function weightsToStored(model: TaggerWeights): StoredWeights {
  const buckets: number[] = [];
  const rows = model.weights.length / ROW;
  for (let b = 0; b < rows; b++) {
    for (let y = 0; y < TAG_COUNT; y++) {
      if (model.weights[b * ROW + y] !== 0) {
        buckets.push(b);
        break;
      }
    }
  }
  const idx = Uint32Array.from(buckets);
  const vals = new Float32Array(buckets.length * TAG_COUNT);
  buckets.forEach((b, k) => vals.set(model.weights.subarray(b * ROW, b * ROW + TAG_COUNT), k * TAG_COUNT));
  return {
    bits: model.bits,
    featuresPerToken: model.featuresPerToken,
    offsetScale: model.offsetScale,
    buckets: Buffer.from(idx.buffer, idx.byteOffset, idx.byteLength).toString("base64"),
    weights: Buffer.from(vals.buffer, vals.byteOffset, vals.byteLength).toString("base64"),
    transitions: Array.from(model.transitions),
  };
}

export function modelFile(stages: readonly TaggerWeights[], trainedOn: Record<string, unknown>, newCueMargin: number): TaggerFile {
  return { format: "claimtrace.attribution-tagger/1", featureVersion: FEATURE_VERSION, tags: TAG_COUNT, stages: stages.map(weightsToStored), newCueMargin, trainedOn };
}

/** The stages of a model file, checked against this build's features. */
export function stagesFromFile(file: TaggerFile): TaggerWeights[] {
  if (file.format !== "claimtrace.attribution-tagger/1") throw new Error(`not an attribution tagger model (format ${String(file.format)})`);
  if (file.featureVersion !== FEATURE_VERSION || file.tags !== TAG_COUNT)
    throw new Error(`attribution model made for feature version ${file.featureVersion}; this claimtrace uses ${FEATURE_VERSION}: train it again`);
  if (!Array.isArray(file.stages) || file.stages.length === 0) throw new Error("attribution model: no stages");
  return file.stages.map(weightsFromStored);
}

function weightsFromStored(file: StoredWeights): TaggerWeights {
  if (!Number.isInteger(file.bits) || file.bits < 4 || file.bits > 26) throw new Error(`attribution model: bad bits ${file.bits}`);
  if (!Number.isInteger(file.featuresPerToken) || file.featuresPerToken < 1 || !Number.isFinite(file.offsetScale)) throw new Error("attribution model: bad stage header");
  const model = emptyWeights(file.bits, file.featuresPerToken, file.offsetScale);
  const idxBuf = Buffer.from(file.buckets, "base64");
  const valBuf = Buffer.from(file.weights, "base64");
  // Copies, so the typed arrays are aligned whatever the Buffer pool's offsets are.
  const idx = new Uint32Array(new Uint8Array(idxBuf).buffer);
  const vals = new Float32Array(new Uint8Array(valBuf).buffer);
  if (vals.length !== idx.length * TAG_COUNT || file.transitions.length !== model.transitions.length) throw new Error("attribution model: weights and buckets disagree");
  const rows = 1 << file.bits;
  idx.forEach((b, k) => {
    if (b >= rows) throw new Error("attribution model: bucket out of range");
    model.weights.set(vals.subarray(k * TAG_COUNT, (k + 1) * TAG_COUNT), b * ROW);
  });
  model.transitions.set(file.transitions);
  return model;
}
