/**
 * PolNeAR evaluation: `npm run eval:polnear -- --split dev|test|train [--floor] [--limit N] [--errors source|cue|content]`.
 * Reads the corpus from ../shared/eval-data (or $CLAIMTRACE_EVAL_DATA) at run time; nothing of it is copied
 * into the repository. Tune on train/dev; run test once per reported result.
 */
import { readFileSync } from "node:fs";
import { prf } from "./lib/score.js";
import { evaluate, formatResult, polnearAvailable, evalDataRoot, ROLES, type EvalResult, type Role } from "./lib/polnear.js";
import { normalise } from "./lib/score.js";

export const FLOORS_FILE = new URL("./polnear-floors.json", import.meta.url);

/** Floors on dev exact-span F1 (percent) that CI holds the extractor to. */
export function readFloors(): Record<Role, number> {
  return JSON.parse(readFileSync(FLOORS_FILE, "utf8")).dev as Record<Role, number>;
}

export function floorFailures(r: EvalResult, floors: Record<Role, number>): string[] {
  return ROLES.filter((role) => 100 * prf(r.roles[role].exact).f < floors[role]).map(
    (role) => `${role}: exact F1 ${(100 * prf(r.roles[role].exact).f).toFixed(1)} < floor ${floors[role]}`,
  );
}

function printErrors(r: EvalResult, role: Role, max: number): void {
  let shown = 0;
  for (const { file, text, predicted } of r.details) {
    const key = (s: { start: number; end: number }) => {
      const n = normalise(text, s);
      return n ? `${n.start}:${n.end}` : "";
    };
    const gold = file.relations.flatMap((g) => (role === "content" ? g.content : role === "cue" ? g.cue : (g.source ?? [])));
    const pred = predicted.flatMap((a) => (role === "content" ? a.content : a[role] ? [a[role]!] : []));
    const goldKeys = new Set(gold.map(key));
    const predKeys = new Set(pred.map(key));
    const ctx = (s: { start: number; end: number }) => `${text.slice(Math.max(0, s.start - 50), s.start)}[[${text.slice(s.start, s.end)}]]${text.slice(s.end, s.end + 30)}`.replace(/\n/g, "¶");
    for (const p of pred) if (!goldKeys.has(key(p)) && shown++ < max) console.log(`FP ${role}: ${ctx(p)}`);
    for (const g of gold) if (!predKeys.has(key(g)) && shown++ < max) console.log(`FN ${role}: ${ctx(g)}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const split = opt("--split") ?? "dev";
  if (!["train", "dev", "test"].includes(split)) throw new Error(`--split must be train, dev or test (got ${split})`);
  if (!polnearAvailable()) {
    console.error(`PolNeAR not found under ${evalDataRoot()} (set CLAIMTRACE_EVAL_DATA)`);
    process.exit(2);
  }
  const limit = opt("--limit") ? Number(opt("--limit")) : undefined;
  const r = evaluate(split, { limit });
  console.log(formatResult(r));
  const errors = opt("--errors") as Role | undefined;
  if (errors) printErrors(r, errors, Number(opt("--max") ?? 60));
  if (args.includes("--floor")) {
    const failures = floorFailures(r, readFloors());
    if (failures.length) {
      console.error(`below floor:\n  ${failures.join("\n  ")}`);
      process.exit(1);
    }
    console.log("floors held");
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) await main();
