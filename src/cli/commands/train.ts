import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { parseBracketed } from "../../attribution/learned/bracketed.js";
import { DEFAULT_MODEL_PATH, POLNEAR_NEW_CUE_MARGIN } from "../../attribution/learned/model.js";
import { polnearTrainingDocuments } from "../../attribution/learned/polnear.js";
import { DEFAULT_EPOCHS, prepareDocument, trainTagger, type TrainingDocument } from "../../attribution/learned/train.js";
import { InputError } from "../../ingest/errors.js";
import { EXIT } from "../exit-codes.js";

interface Flags {
  polnear?: string;
  splits: string;
  bracketed?: string[];
  out: string;
  epochs: string;
  newCueMargin?: string;
}

/**
 * `claimtrace train-attributions`: trains the learned attribution tagger at run time from annotated text the user
 * has (PolNeAR, or our bracketed format) and writes the model file; extraction uses it when
 * $CLAIMTRACE_ATTRIBUTION_MODEL names it. No model ships with claimtrace: one trained on PolNeAR is derived
 * from PolNeAR and is the user's to keep.
 */
export function trainCommand(program: Command): void {
  program
    .command("train-attributions")
    .description("train the learned attribution tagger (used when CLAIMTRACE_ATTRIBUTION_MODEL names the model file)")
    .option("--polnear <dir>", "a PolNeAR copy (the folder with data/train, or the folder holding polnear/)")
    .option("--splits <list>", "PolNeAR splits to train on, comma-separated", "train")
    .option("--bracketed <files...>", "training texts in the bracketed format ([S1 source] [C1 cue] [Q1 content])")
    .option("--out <path>", "where to write the model", DEFAULT_MODEL_PATH)
    .option("--epochs <n>", "passes over the training data", String(DEFAULT_EPOCHS))
    .option("--new-cue-margin <x>", `how sure the tagger must be of a cue outside the rules and the lexicon (PolNeAR default ${POLNEAR_NEW_CUE_MARGIN}, else 0)`)
    .action((flags: Flags) => {
      const epochs = Number(flags.epochs);
      if (!Number.isInteger(epochs) || epochs < 1 || epochs > 100) throw new InputError("--epochs", `"${flags.epochs}" is not a whole number from 1 to 100`);
      const margin = flags.newCueMargin === undefined ? (flags.polnear ? POLNEAR_NEW_CUE_MARGIN : 0) : Number(flags.newCueMargin);
      if (!Number.isFinite(margin) || margin < 0) throw new InputError("--new-cue-margin", `"${flags.newCueMargin}" is not a number ≥ 0`);
      const docs: TrainingDocument[] = [];
      const splits = flags.splits.split(",").map((s) => s.trim()).filter(Boolean);
      if (flags.polnear) {
        if (splits.includes("test")) process.stderr.write("claimtrace: warning: training on the PolNeAR test split makes test scores meaningless\n");
        docs.push(...polnearTrainingDocuments(flags.polnear, splits));
      }
      for (const file of flags.bracketed ?? []) docs.push(...parseBracketed(readFileSync(file, "utf8"), file));
      if (docs.length === 0) throw new InputError("train-attributions", "nothing to train on: give --polnear <dir> and/or --bracketed <files>");
      const t0 = performance.now();
      const prepared = docs.map(prepareDocument);
      const model = trainTagger(prepared, {
        epochs,
        newCueMargin: margin,
        trainedOn: { polnear: flags.polnear ? splits : null, bracketed: flags.bracketed ?? [] },
        onEpoch: (stage, epoch, errors) => process.stderr.write(`${stage}, pass ${epoch}/${epochs}: ${errors} tokens wrong\n`),
      });
      model.save(flags.out);
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      process.stdout.write(`trained on ${docs.length} documents in ${seconds} s; model written to ${flags.out}\nuse it with: CLAIMTRACE_ATTRIBUTION_MODEL=${flags.out} claimtrace …\n`);
      process.exitCode = EXIT.ok;
    });
}
