import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { InputError } from "../../ingest/errors.js";
import type { Database } from "../../store/database.js";
import { createApp, DEFAULT_CACHE_MAX_AGE_MS } from "../../server/app.js";
import { mountUi } from "../../server/ui.js";
import { dataOption } from "../options.js";
import { describeStore, openStore } from "../store.js";

interface Flags {
  host: string;
  port: string;
  token?: string;
  data?: string;
  cacheAge: string;
}

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "serve the web UI and the JSON API over the store (the API is documented at /api/openapi.json)",
    )
    .option(
      "--host <host>",
      "address to bind; only this machine can connect unless you change it",
      "127.0.0.1",
    )
    .option("--port <port>", "port", "8080")
    .option(
      "--token <token>",
      "bearer token that write endpoints require (or $CLAIMTRACE_TOKEN); none means read-only",
    )
    .option(
      "--cache-age <seconds>",
      "how long GET answers are served from the in-process cache (0 turns it off; other processes' writes show up after this)",
      String(DEFAULT_CACHE_MAX_AGE_MS / 1000),
    )
    .addOption(dataOption())
    .action(async (flags: Flags) => {
      const port = parsePort(flags.port);
      const cacheMaxAgeMs = parseCacheAge(flags.cacheAge);
      const db = await openStore(flags, { thread: true });
      const token = flags.token ?? process.env.CLAIMTRACE_TOKEN ?? null;
      try {
        await serveUntilStopped({ db, token, host: flags.host, port, cacheMaxAgeMs }, (url) =>
          process.stdout.write(
            `claimtrace API on ${url}api (store ${describeStore(flags)}; ${token ? "writes need the token" : "read-only"})\n` +
              `Web UI on ${url}   (Ctrl-C stops the server)\n`,
          ),
        );
      } finally {
        await db.close();
      }
    });
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError("--port", `"${value}" is not a port number`);
  return port;
}

/** Seconds (a decimal number from 0 to 3600) as milliseconds. */
export function parseCacheAge(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(seconds <= 3600))
    throw new InputError("--cache-age", `"${value}" is not a number of seconds from 0 to 3600`);
  return Math.round(seconds * 1000);
}

/**
 * Serves the API and the web UI until SIGINT/SIGTERM. `onListening` gets the base URL (ending in "/") once the
 * port is bound. The caller closes the store afterwards.
 */
export async function serveUntilStopped(
  options: { db: Database; token: string | null; host: string; port: number; cacheMaxAgeMs?: number },
  onListening: (url: string) => void,
): Promise<void> {
  const app = createApp({ db: options.db, token: options.token, cacheMaxAgeMs: options.cacheMaxAgeMs });
  mountUi(app);
  await new Promise<void>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      onListening(`http://${host}:${info.port}/`);
    });
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "EADDRINUSE"
          ? new Error(`port ${options.port} on ${options.host} is in use; choose another with --port`)
          : e,
      ),
    );
    const stop = () => server.close(() => resolve());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
