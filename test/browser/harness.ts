import { serve, type ServerType } from "@hono/node-server";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ingestPaths } from "../../src/corpus/ingest.js";
import { createApp } from "../../src/server/app.js";
import { mountUi } from "../../src/server/ui.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { REPO } from "../helpers/cli.js";

export const CHROMIUM = "/usr/bin/chromium";
export const SKIP = existsSync(CHROMIUM)
  ? false
  : `browser tests skipped: ${CHROMIUM} is missing (Debian: apt-get install chromium; .ci/run installs it)`;

export const TOKEN = "browser-test-token";

/** Newest modification time of the files under `dir`. */
function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/**
 * Builds the UI bundle unless dist/web is newer than every file in web/ and the build script, so the tests
 * never run against a stale bundle. (`npm test` builds first; then no test file has to.)
 */
export function buildWebIfStale(): void {
  const bundle = join(REPO, "dist/web/assets/app.js");
  const sources = Math.max(newest(join(REPO, "web")), statSync(join(REPO, "scripts/build-web.mjs")).mtimeMs);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, [join(REPO, "scripts/build-web.mjs")], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`web build failed: ${build.stderr}`);
}

/** A hostile article: markup in the title, in quotes and in the outlet must show as text and never run. */
export const HOSTILE_TITLE =
  'Ministry denies <script>window.__pwned=1</script> report <img src=x onerror="window.__pwned=2"> on Makiivka toll';
export const HOSTILE_OUTLET = "<b>The Hostile</b> Gazette";
const HOSTILE_TEXT = `${HOSTILE_TITLE}

A spokesman for the regional administration, Ivan Petrenko, said on Thursday that "<script>window.__pwned=3</script> was never part of our count" and that 12 people were wounded.

"<img src=x onerror=window.__pwned=4> is not a number we recognise," Petrenko told reporters.
`;

export interface Harness {
  db: Database;
  base: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the browser requested. */
  requests: string[];
  /** Uncaught errors, console errors and dialogs: a clean run has none. */
  problems: string[];
  /** "401 POST /api/documents" for every answer with an error status. */
  failedResponses: string[];
  close(): Promise<void>;
}

/**
 * The store (PGlite in memory, on a worker thread as `serve` runs it) with the example corpus and the hostile article, the API and UI on a free
 * port of 127.0.0.1, and headless Debian Chromium with a fresh profile.
 */
export async function startHarness(): Promise<Harness> {
  buildWebIfStale();

  const hostileDir = mkdtempSync(join(tmpdir(), "claimtrace-hostile-"));
  writeFileSync(join(hostileDir, "hostile.txt"), HOSTILE_TEXT);
  writeFileSync(
    join(hostileDir, "hostile.meta.json"),
    JSON.stringify({ outlet: HOSTILE_OUTLET, publishedAt: "2023-01-06", url: "javascript:window.__pwned=7" }),
  );
  // on its own thread, as `claimtrace serve` runs the embedded store
  const db = await openDatabase({ url: null, dataDir: "memory://", thread: true });
  await ingestPaths(db, [join(REPO, "examples/corpus"), hostileDir], { maxBytes: 1_000_000 }, "browser test");
  rmSync(hostileDir, { recursive: true, force: true });

  const app = createApp({ db, token: TOKEN, maxBodyBytes: 200_000 });
  mountUi(app);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // launch() gives the browser a fresh temporary profile of its own, removed on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const requests: string[] = [];
  const problems: string[] = [];
  const failedResponses: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  context.on("response", (r) => {
    if (r.status() >= 400)
      failedResponses.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // Failed requests are logged as console errors too; they are checked one by one in failedResponses.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
      problems.push(`console error: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    db,
    base,
    browser,
    context,
    page,
    requests,
    problems,
    failedResponses,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await db.close();
    },
  };
}

/** Opens `hash` (e.g. "#/groups") and waits until that page has finished rendering. */
export async function visit(h: Harness, hash: string): Promise<void> {
  await h.page.goto(`${h.base}/${hash}`);
  await rendered(h.page, hash);
}

/** Waits until the page for a hash that starts with `prefix` has finished rendering. */
export async function rendered(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction((p) => {
    const main = document.getElementById("main");
    const want = new URL(p, location.href).hash;
    return (
      !!main?.dataset.ready && !main.hasAttribute("aria-busy") && (main.dataset.route ?? "").startsWith(want)
    );
  }, prefix);
}

export function screenshotPath(name: string): string {
  const dir = join(REPO, "docs/screenshots");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
