import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { REPO, runCli } from "../helpers/cli.js";
import { tempFiles } from "../helpers/tmp.js";
import { buildWebIfStale } from "./harness.js";

test("claimtrace demo ingests the example corpus, then serves the web UI with a session token until stopped", async () => {
  buildWebIfStale();
  const data = tempFiles();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", `${REPO}src/cli/bin.ts`, "demo", "--port", "0", "--data", data],
    { cwd: REPO, env: { ...process.env, DATABASE_URL: "", CLAIMTRACE_TOKEN: "" } },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    let timer: NodeJS.Timeout | undefined;
    const banner = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        if (/Write token: \S+/.test(out)) resolve(out);
      });
      void exited.then((code) => reject(new Error(`demo exited with ${code}: ${out}`)));
      timer = setTimeout(() => reject(new Error(`demo did not start serving: ${out}`)), 120_000);
    }).finally(() => clearTimeout(timer));
    assert.match(banner, /Example corpus: stored 11 new, 0 already stored, 0 rejected\./);
    const url = /Web UI: +(http:\/\/127\.0\.0\.1:\d+\/)/.exec(banner)?.[1];
    const token = /Write token: (\S+)/.exec(banner)?.[1];
    assert.ok(url && token, banner);
    assert.ok(token.length >= 20, "a random token, long enough not to be guessed");

    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(await page.text(), /<script type="module" src="assets\/app\.js"><\/script>/);
    const record = {
      title: "Demo token check",
      text: "The mayor said 3 bridges were closed.",
      publishedAt: "2023-03-01",
    };
    const refused = await fetch(`${url}api/documents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(record),
    });
    assert.equal(refused.status, 401);
    const stored = await fetch(`${url}api/documents`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(record),
    });
    assert.equal(stored.status, 201);
  } finally {
    child.kill("SIGINT");
  }
  assert.equal(await exited, 0, "Ctrl-C stops the demo server cleanly");

  // --no-serve is for scripts: the summary, then exit.
  const again = await runCli(["demo", "--no-serve", "--data", data]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /stored 0 new, 11 already stored, 0 rejected\./);
  assert.match(again.stdout, /now holds 12 documents/);
  assert.doesNotMatch(again.stdout, /Web UI/);
});
