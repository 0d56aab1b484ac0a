import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LearnedTagger } from "../../src/attribution/learned/model.js";
import { main } from "../../src/cli/main.js";

const TRAIN = fileURLToPath(new URL("../fixtures/attribution-train/train.txt", import.meta.url));

test("claimtrace train-attributions writes a model from bracketed texts; bad options are usage errors", async () => {
  const dir = mkdtempSync(join(tmpdir(), "claimtrace-train-"));
  const write = process.stderr.write;
  const out = process.stdout.write;
  try {
    const path = join(dir, "tagger.json");
    process.stderr.write = () => true;
    process.stdout.write = () => true;
    assert.equal(await main(["train-attributions", "--bracketed", TRAIN, "--out", path, "--epochs", "3"]), 0);
    assert.equal(LearnedTagger.load(path).stages.length, 3);
    assert.equal(await main(["train-attributions", "--out", join(dir, "none.json")]), 2);
    assert.equal(await main(["train-attributions", "--bracketed", TRAIN, "--epochs", "zero", "--out", join(dir, "x.json")]), 2);
    assert.equal(existsSync(join(dir, "none.json")) || existsSync(join(dir, "x.json")), false);
  } finally {
    process.stderr.write = write;
    process.stdout.write = out;
    rmSync(dir, { recursive: true, force: true });
  }
});
