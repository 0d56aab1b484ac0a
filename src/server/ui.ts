import { readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";

/** Where `npm run build` puts the bundled UI: dist/web, the same from src/server (tsx) and dist/server. */
export const DEFAULT_UI_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Article text is untrusted and shown by the UI, so the page may run only our own bundled script: no inline
 * script or style, no other origin, no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

/**
 * Serves the web UI: `/` (index.html) and `/assets/{file}`. Only those paths, so every `/api/...` route,
 * known or not, stays the API's. Files are read on each request: they are small and a rebuild shows at once.
 */
export function mountUi(app: Hono, options: { root?: string } = {}): void {
  const root = options.root ?? DEFAULT_UI_ROOT;
  const send = (file: string) => {
    const path = join(root, file);
    let body: Buffer;
    try {
      if (!statSync(path).isFile()) throw new Error("not a file");
      body = readFileSync(path);
    } catch {
      if (file !== "index.html") return null;
      return new Response("The web UI is not built: run `npm run build` (or node scripts/build-web.mjs).\n", {
        status: 503,
        headers: { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS },
      });
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...SECURITY_HEADERS,
      },
    });
  };
  app.get("/", () => send("index.html")!);
  app.get("/index.html", () => send("index.html")!);
  app.get("/assets/:name", (c) => {
    const name = c.req.param("name");
    // One flat folder of our own file names: nothing else (no "..", no hidden files) is ever read.
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || name.includes("..")) return c.notFound();
    return send(join("assets", name)) ?? c.notFound();
  });
}
