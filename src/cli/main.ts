import { Command, CommanderError } from "commander";
import { InputError } from "../ingest/errors.js";
import { analyzeCommand } from "./commands/analyze.js";
import { demoCommand } from "./commands/demo.js";
import { exportCommand } from "./commands/export.js";
import { extractCommand } from "./commands/extract.js";
import { ingestCommand } from "./commands/ingest.js";
import { serveCommand } from "./commands/serve.js";
import { trainCommand } from "./commands/train.js";
import { EXIT } from "./exit-codes.js";

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof InputError) {
      process.stderr.write(`claimtrace: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`claimtrace: ${(e as Error).message ?? e}\n`);
    return EXIT.failure;
  }
}

function buildProgram(): Command {
  const program = new Command("claimtrace")
    .description(
      "Builds a ledger of attributed claims from news articles: who said what, how many, when, and through whom.",
    )
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Inputs: .txt (first non-empty line is the title), .html/.htm, .json (a record or an array of records),
.jsonl (one record per line), directories (searched recursively) and - for standard input. A record has
"text" or "html", and optionally "title", "url", "outlet", "publishedAt". A file NAME.meta.json beside NAME.txt
or NAME.html gives "publishedAt", "outlet", "url" and "title" for it.

Store: embedded PGlite in .claimtrace/data (or --data DIR, or CLAIMTRACE_DATA); PostgreSQL when DATABASE_URL is set.

Exit codes: 0 success, 1 some inputs were rejected (the rest were processed), 2 usage error, 3 failure.

Examples:
  claimtrace demo
  claimtrace ingest articles/ --published 2023-01-04
  claimtrace extract --format jsonl story.html | jq .title
  claimtrace analyze --format json articles/
  claimtrace export --format csv --table groups > figure-groups.csv`,
    );
  ingestCommand(program);
  extractCommand(program);
  analyzeCommand(program);
  exportCommand(program);
  demoCommand(program);
  serveCommand(program);
  trainCommand(program);
  return program;
}
