import { test } from "node:test";
import assert from "node:assert/strict";
import { loadNewsQuant, newsQuantPath, score } from "../../eval/newsquant.js";

// Floors a little under what `npm run eval:newsquant` reaches, so a regression in the number grammar fails CI.
const VALUE_F1_FLOOR = 94.5;
const VALUE_UNIT_F1_FLOOR = 86.0;

const data = loadNewsQuant();

test("NewsQuant value and value+unit F1 stay above their floors", { skip: data ? false : `NewsQuant not found at ${newsQuantPath()} (../shared/eval-data absent; set CLAIMTRACE_EVAL_DATA)` }, () => {
  const s = score(data!);
  assert.ok(s.value.f1 >= VALUE_F1_FLOOR, `value F1 ${s.value.f1} < ${VALUE_F1_FLOOR}`);
  assert.ok(s.valueUnit.f1 >= VALUE_UNIT_F1_FLOOR, `value+unit F1 ${s.valueUnit.f1} < ${VALUE_UNIT_F1_FLOOR}`);
});
