import { existsSync } from "node:fs";
import { join } from "node:path";
import { readSplitAt } from "./brat.js";
import type { TrainingDocument } from "./train.js";

/**
 * Training documents from a PolNeAR copy (brat standoff, data/<split>/{text,attributions}). The user supplies
 * the corpus; nothing of it ships with claimtrace. `dir` is the corpus folder ("…/polnear") or the folder
 * holding it. Every annotation file is one document: an article annotated twice is learned from twice.
 */
export function polnearDataDir(dir: string): string {
  if (existsSync(join(dir, "data", "train", "attributions"))) return join(dir, "data");
  if (existsSync(join(dir, "polnear", "data", "train", "attributions"))) return join(dir, "polnear", "data");
  throw new Error(`no PolNeAR corpus under ${dir} (expected data/train/attributions in it or in ${join(dir, "polnear")})`);
}

export function polnearTrainingDocuments(dir: string, splits: readonly string[], limit = Infinity): TrainingDocument[] {
  const dataDir = polnearDataDir(dir);
  const docs: TrainingDocument[] = [];
  for (const split of splits) {
    const data = readSplitAt(dataDir, split);
    for (const f of data.files) {
      if (docs.length >= limit) return docs;
      docs.push({ name: f.file, group: f.article, text: data.texts.get(f.article)!, relations: f.relations });
    }
  }
  return docs;
}
