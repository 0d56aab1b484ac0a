import type { Command } from "commander";
import { Option } from "commander";
import { reportToJson } from "../../contract/document-json.js";
import { linkToJson } from "../../link/json.js";
import { EXIT } from "../exit-codes.js";
import { dataOption, maxBytesOption, publishedOption, type ReadFlags } from "../options.js";
import { loadCorpus } from "../corpus.js";
import { write } from "./extract.js";

interface Flags extends ReadFlags {
  data?: string;
}

export function analyzeCommand(program: Command): void {
  program
    .command("analyze")
    .description(
      "analyse a corpus as a whole and print one claimtrace.report/1 JSON object: the given files (in memory), or the store when no path is given",
    )
    .argument("[paths...]", "files, directories, or - for standard input; none means everything in the store")
    .addOption(new Option("--format <format>", "output format").choices(["json"]).default("json"))
    .addOption(publishedOption())
    .addOption(maxBytesOption())
    .addOption(dataOption())
    .action(async (paths: string[], flags: Flags) => {
      const { docs, links, rejected } = await loadCorpus(paths, flags);
      await write(JSON.stringify(reportToJson(docs, linkToJson(links))) + "\n");
      process.exitCode = rejected > 0 ? EXIT.rejected : EXIT.ok;
    });
}
