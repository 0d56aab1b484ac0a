// Runs every test file under test/ with Node's own test runner (TypeScript through tsx).
// Node 20's --test does not expand globs, so the files are listed here.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function find(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "fixtures" ? [] : find(path);
      return name.endsWith(".test.ts") ? [path] : [];
    })
    .sort();
}

const only = process.argv.slice(2);
const files = only.length ? only : find("test");
// Tests expect the rules-only extractor, whatever model the shell names for everyday use.
const env = { ...process.env };
delete env.CLAIMTRACE_ATTRIBUTION_MODEL;
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files],
  { stdio: "inherit", env },
);
process.exit(result.status ?? 1);
