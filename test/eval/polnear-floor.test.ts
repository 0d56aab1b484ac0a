import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, polnearAvailable, evalDataRoot } from "../../eval/lib/polnear.js";
import { floorFailures, readFloors } from "../../eval/polnear.js";

// CI guard on attribution quality: PolNeAR dev exact-span F1 must stay at or above the floors in
// eval/polnear-floors.json (set a little under what the extractor reaches). Runs in about a second.
const available = polnearAvailable();

test(
  "PolNeAR dev: exact-span F1 for source, cue and content stays above its floors",
  { skip: available ? false : `PolNeAR not found under ${evalDataRoot()} (set CLAIMTRACE_EVAL_DATA to run this check)` },
  () => {
    const result = evaluate("dev");
    assert.ok(result.gold > 2000, `expected the full dev split, read ${result.gold} gold attributions`);
    assert.deepEqual(floorFailures(result, readFloors()), []);
  },
);
