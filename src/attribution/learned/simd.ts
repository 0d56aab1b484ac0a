import { FEATURES_PER_TOKEN, STAGE_FEATURES_PER_TOKEN } from "./features.js";
import { TAG_COUNT } from "./tags.js";
import type { StageTable } from "./tagger.js";

/**
 * sharedScores (tagger.ts) in WebAssembly with 128-bit SIMD: the same sums, two tags per instruction. The
 * stages' weights are float32 and the sums float64, as in JavaScript; each tag's sum adds the token's features in
 * row order from 0, so the scores are the same to the bit. This is where extraction with a model spends most
 * of its time, and JavaScript spends a bounds check, an overflow check and a conversion on every weight.
 *
 * The module is written out below (a dozen instructions in a triple loop) rather than shipped as a binary.
 * Where WebAssembly SIMD is missing, SimdScores.of gives null and sharedScores runs in JavaScript instead
 * (the test of the learned tagger checks that the two agree).
 */
export class SimdScores {
  private memory: WebAssembly.Memory;
  private readonly shared: (feats: number, K: number, first: number, end: number, n: number, out: number, shift: number, stages: number) => void;
  private readonly stage: (feats: number, K: number, first: number, end: number, n: number, out: number, shift: number, stages: number, stage: number) => void;
  /** Where the features of a document start in the module's memory (the table's rows come first, from 0). */
  private readonly featsAt: number;
  /** The document of the last call of scores: its token count and where its scores are. */
  private n = 0;
  private outAt = 0;

  private constructor(
    private readonly table: StageTable,
    instance: WebAssembly.Instance,
  ) {
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.shared = instance.exports.shared as SimdScores["shared"];
    this.stage = instance.exports.stage as SimdScores["stage"];
    this.featsAt = align(table.weights.byteLength, 64);
    this.reserve(this.featsAt);
    new Float32Array(this.memory.buffer, 0, table.weights.length).set(table.weights);
  }

  /** A scorer for the table's stages; null where WebAssembly SIMD is not available. */
  static of(table: StageTable): SimdScores | null {
    // Row addresses are 32-bit: tables past 1 GiB (more than 2^22 buckets of three stages) stay in JavaScript.
    if (table.weights.byteLength > 2 ** 30) return null;
    const module = simdModule();
    return module ? new SimdScores(table, new WebAssembly.Instance(module, {})) : null;
  }

  /**
   * sharedScores for every sequence of a document (features FEATURES_PER_TOKEN a token), as out[(stage * n +
   * token) * TAG_COUNT + tag], 0 for tokens outside the sequences. The array is a view of the module's memory,
   * good until the next call of scores; addStage adds to it.
   */
  scores(feats: Uint32Array, sequences: ReadonlyArray<{ first: number; end: number }>, n: number): Float64Array {
    const K = FEATURES_PER_TOKEN;
    const stages = this.table.stages.length;
    this.n = n;
    this.outAt = align(this.featsAt + n * K * 4, 64);
    // Room for the scores and, after them, a later stage's own features (addStage), so that the memory does
    // not grow (which would detach the array returned) before the next document.
    this.reserve(align(this.outAt + stages * n * TAG_COUNT * 8, 64) + n * STAGE_FEATURES_PER_TOKEN * 4);
    new Uint32Array(this.memory.buffer, this.featsAt, n * K).set(feats.subarray(0, n * K));
    for (const s of sequences) if (s.end > s.first) this.shared(this.featsAt, K, s.first, s.end, n, this.outAt, this.table.shift, stages);
    const out = new Float64Array(this.memory.buffer, this.outAt, stages * n * TAG_COUNT);
    // Tokens outside the sequences score 0, as in sharedScores' own arrays (the memory holds the last document's).
    for (let st = 0; st < stages; st++) {
      let from = 0;
      for (const s of [...sequences, { first: n, end: n }]) {
        if (s.first > from) out.fill(0, (st * n + from) * TAG_COUNT, (st * n + s.first) * TAG_COUNT);
        from = Math.max(from, s.end);
      }
    }
    return out;
  }

  /**
   * Adds to stage `stage`'s scores of the last document (scores) the weights of its own features (a row of
   * STAGE_FEATURES_PER_TOKEN a token): own first, then the shared scores, as decodeStage adds them. Afterwards
   * the stage's scores are its tokens' whole scores, to decode with no features of its own.
   */
  addStage(own: Uint32Array, sequences: ReadonlyArray<{ first: number; end: number }>, stage: number): void {
    const K = STAGE_FEATURES_PER_TOKEN;
    const n = this.n;
    const stages = this.table.stages.length;
    const ownAt = align(this.outAt + stages * n * TAG_COUNT * 8, 64);
    new Uint32Array(this.memory.buffer, ownAt, n * K).set(own.subarray(0, n * K));
    for (const s of sequences) if (s.end > s.first) this.stage(ownAt, K, s.first, s.end, n, this.outAt, this.table.shift, stages, stage);
  }

  private reserve(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / 65536));
  }
}

const align = (x: number, to: number) => Math.ceil(x / to) * to;

let compiled: WebAssembly.Module | null | undefined;

function simdModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  const bytes = moduleBytes();
  compiled = typeof WebAssembly === "object" && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  return compiled;
}

// Instruction and section codes of the WebAssembly binary format (core spec 5.4, SIMD proposal).
const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  block: 0x02, loop: 0x03, end: 0x0b, br: 0x0c, brIf: 0x0d,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Load: 0x28, f64Load: 0x2b, f64Store: 0x39, i32Const: 0x41,
  i32LtS: 0x48, i32GeS: 0x4e, i32Add: 0x6a, i32Mul: 0x6c, i32Shl: 0x74, i32ShrU: 0x76, f64Add: 0xa0,
  simd: 0xfd,
};
// After the 0xfd prefix (LEB128 numbers).
const simd = {
  v128Load: [0x00], v128Store: [0x0b], v128Const: [0x0c], f64x2ExtractLane: [0x21],
  v128Load64Zero: [0x5d], f64x2PromoteLowF32x4: [0x5f], f64x2Add: [0xf0, 0x01],
};

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/**
 * Two functions over the weights table at address 0 (bucket b's row of stage st at (b * stages + st) * 32) and
 * tokens i in [first, end), with K features each from `feats` (a row per token), sums in float64 pairs:
 *
 * - shared(feats, K, first, end, n, out, shift, stages): for every stage st, the sum of the rows of the token's
 *   features, stored at out + ((st * n + i) * 7) * 8;
 * - stage(feats, K, first, end, n, out, shift, stages, st): for stage st only, the sum of the rows of the
 *   token's features plus the seven values at out + ((st * n + i) * 7) * 8, stored there.
 */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  // Parameters 0–8 (stage has a ninth: the stage), then locals.
  const [feats, K, first, end, n, out, shift, stages, stageParam] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const get = (l: number) => [op.localGet, l];
  const set = (l: number) => [op.localSet, l];
  const i32 = (v: number) => [op.i32Const, ...sleb(v)];
  const s = (code: number[], ...imm: number[]) => [op.simd, ...code, ...imm];
  const memarg = (alignLog2: number, offset: number) => [alignLog2, ...uleb(offset)];

  /** The loop over tokens, with locals from `at` on: i, st, k, p, row, o and four v128 sums. */
  const body = (at: number, stageLoop: boolean) => {
    const [i, st, k, p, row, o] = [at, at + 1, at + 2, at + 3, at + 4, at + 5];
    const acc = [at + 6, at + 7, at + 8, at + 9];
    const perStage = [
      ...s(simd.v128Const, ...new Array<number>(16).fill(0)), op.localTee, acc[0]!, op.localTee, acc[1]!, op.localTee, acc[2]!, ...set(acc[3]!),
      // p = feats + i * K * 4
      ...get(i), ...get(K), op.i32Mul, ...i32(2), op.i32Shl, ...get(feats), op.i32Add, ...set(p),
      ...i32(0), ...set(k),
      op.block, 0x40,
      op.loop, 0x40,
      ...get(k), ...get(K), op.i32GeS, op.brIf, 1,
      // row = ((((feature * 0x85ebca6b) >>> shift) * stages) + st) * 32: bucketOf, then the stage's row
      ...get(p), op.i32Load, ...memarg(2, 0), ...i32(0x85ebca6b), op.i32Mul, ...get(shift), op.i32ShrU,
      ...get(stages), op.i32Mul, ...get(st), op.i32Add, ...i32(5), op.i32Shl, ...set(row),
      // acc[j] += (float64) weights[2j], weights[2j + 1]
      ...[0, 1, 2, 3].flatMap((j) => [
        ...get(acc[j]!), ...get(row), ...s(simd.v128Load64Zero, ...memarg(2, j * 8)), ...s(simd.f64x2PromoteLowF32x4), ...s(simd.f64x2Add), ...set(acc[j]!),
      ]),
      ...get(p), ...i32(4), op.i32Add, ...set(p),
      ...get(k), ...i32(1), op.i32Add, ...set(k),
      op.br, 0,
      op.end,
      op.end,
      // o = out + (st * n + i) * 56: seven float64 sums (the eighth lane is the row's padding)
      ...get(st), ...get(n), op.i32Mul, ...get(i), op.i32Add, ...i32(TAG_COUNT * 8), op.i32Mul, ...get(out), op.i32Add, ...set(o),
      ...(stageLoop
        ? [
            ...[0, 1, 2].flatMap((j) => [...get(o), ...get(acc[j]!), ...s(simd.v128Store, ...memarg(3, j * 16))]),
            ...get(o), ...get(acc[3]!), ...s(simd.f64x2ExtractLane, 0), op.f64Store, ...memarg(3, 48),
          ]
        : [
            // the sums plus what is there already
            ...[0, 1, 2].flatMap((j) => [...get(o), ...get(acc[j]!), ...get(o), ...s(simd.v128Load, ...memarg(3, j * 16)), ...s(simd.f64x2Add), ...s(simd.v128Store, ...memarg(3, j * 16))]),
            ...get(o), ...get(acc[3]!), ...s(simd.f64x2ExtractLane, 0), ...get(o), op.f64Load, ...memarg(3, 48), op.f64Add, op.f64Store, ...memarg(3, 48),
          ]),
    ];
    return {
      locals: vec([[...uleb(6), I32], [...uleb(4), V128]]),
      code: [
        ...get(first), ...set(i),
        op.block, 0x40,
        op.loop, 0x40,
        ...get(i), ...get(end), op.i32GeS, op.brIf, 1,
        ...(stageLoop
          ? [
              ...i32(0), ...set(st),
              op.loop, 0x40,
              ...perStage,
              ...get(st), ...i32(1), op.i32Add, op.localTee, st, ...get(stages), op.i32LtS, op.brIf, 0,
              op.end,
            ]
          : [...get(stageParam), ...set(st), ...perStage]),
        ...get(i), ...i32(1), op.i32Add, ...set(i),
        op.br, 0,
        op.end,
        op.end,
        op.end,
      ],
    };
  };
  const fn = (b: { locals: number[]; code: number[] }) => {
    const bytes = [...b.locals, ...b.code];
    return [...uleb(bytes.length), ...bytes];
  };
  const params = (count: number) => [0x60, ...vec(new Array<number[]>(count).fill([I32])), ...vec([])];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([params(8), params(9)])),
    ...section(3, vec([[0], [1]])),
    ...section(5, vec([[0x00, ...uleb(1)]])),
    ...section(7, vec([[...name("memory"), 0x02, 0], [...name("shared"), 0x00, 0], [...name("stage"), 0x00, 1]])),
    ...section(10, vec([fn(body(8, true)), fn(body(9, false))])),
  ]);
}
