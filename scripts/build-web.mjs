// Builds the web UI (web/) into dist/web/: one bundled script with Observable Plot inside (no CDN, works
// offline), the stylesheet and index.html. `npm run build` runs it; the browser tests run it first so they
// never test a stale bundle.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = process.argv[2] ?? join(repo, "dist", "web");

// Files are overwritten in place (no clearing first): a server reading dist/web never sees it empty.
mkdirSync(join(outdir, "assets"), { recursive: true });
await build({
  entryPoints: [join(repo, "web", "src", "main.ts")],
  outfile: join(outdir, "assets", "app.js"),
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: "linked",
  legalComments: "linked",
  logLevel: "warning",
});
copyFileSync(join(repo, "web", "index.html"), join(outdir, "index.html"));
copyFileSync(join(repo, "web", "styles.css"), join(outdir, "assets", "styles.css"));
