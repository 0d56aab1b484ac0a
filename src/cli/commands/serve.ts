import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { InputError } from "../../ingest/errors.js";
import { createApp } from "../../server/app.js";
import { dataOption } from "../options.js";
import { describeStore, openStore } from "../store.js";

interface Flags {
  host: string;
  port: string;
  token?: string;
  data?: string;
}

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the JSON API over the store (documented at /api/openapi.json)")
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
    .addOption(dataOption())
    .action(async (flags: Flags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InputError("--port", `"${flags.port}" is not a port number`);
      const db = await openStore(flags);
      const token = flags.token ?? process.env.CLAIMTRACE_TOKEN ?? null;
      const app = createApp({ db, token });
      const server = serve({ fetch: app.fetch, hostname: flags.host, port }, (info) => {
        process.stdout.write(
          `claimtrace API on http://${flags.host}:${info.port}/api (store ${describeStore(flags)}; ${token ? "writes need the token" : "read-only"})\n`,
        );
      });
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await db.close();
    });
}
