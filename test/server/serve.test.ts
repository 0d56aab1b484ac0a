import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { REPO } from "../helpers/cli.js";
import { tempFiles } from "../helpers/tmp.js";
import { parseCacheAge } from "../../src/cli/commands/serve.js";

test("claimtrace serve binds to 127.0.0.1 by default and answers the API", async () => {
  const data = tempFiles();
  const child = spawn(process.execPath, ["--import", "tsx", `${REPO}src/cli/bin.ts`, "serve", "--port", "0", "--cache-age", "0", "--data", data], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: "", CLAIMTRACE_TOKEN: "" },
  });
  try {
    const banner = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("\n")) resolve(out);
      });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      // Generous: on a busy machine opening the store alone can take many seconds.
      setTimeout(() => reject(new Error("serve did not start")), 90_000).unref();
    });
    const m = /on http:\/\/127\.0\.0\.1:(\d+)\/api .*read-only/.exec(banner);
    assert.ok(m, banner);
    const res = await fetch(`http://127.0.0.1:${m[1]}/api/health`);
    assert.deepEqual(await res.json(), { ok: true, store: "pglite" });
  } finally {
    child.kill("SIGTERM");
  }
});

test("--cache-age takes seconds from 0 to 3600", () => {
  assert.equal(parseCacheAge("0"), 0);
  assert.equal(parseCacheAge("2.5"), 2_500);
  assert.equal(parseCacheAge("3600"), 3_600_000);
  for (const bad of ["", "-1", "3601", "5s", "1e3", " 5"]) assert.throws(() => parseCacheAge(bad), /--cache-age/, bad);
});
