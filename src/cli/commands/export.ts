import type { Command } from "commander";
import { Option } from "commander";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../ingest/errors.js";
import { claimLayers, type LinkResult } from "../../link/model.js";
import type { Relay, Speaker } from "../../model/claims.js";
import type { Document } from "../../model/document.js";
import type { Span } from "../../model/span.js";
import { EXIT } from "../exit-codes.js";
import { dataOption, maxBytesOption, publishedOption, type ReadFlags } from "../options.js";
import { loadCorpus } from "../corpus.js";
import { write } from "./extract.js";

export type Table = "attributions" | "figures" | "groups";
export const TABLES: readonly Table[] = ["attributions", "figures", "groups"];
const FILE_NAMES: Record<Table, string> = {
  attributions: "attributions.csv",
  figures: "figures.csv",
  groups: "figure-groups.csv",
};

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

const COLUMNS: Record<Table, readonly string[]> = {
  attributions: [
    "source",
    "document",
    "attribution",
    "kind",
    "speaker",
    "speaker_type",
    "speaker_role",
    "speaker_entity",
    "via",
    "cue",
    "content",
    "date",
  ],
  figures: [
    "source",
    "document",
    "figure",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "measure",
    "subject",
    "speaker",
    "speaker_type",
    "attribution",
    "via",
    "date",
    "refers_to",
    "group",
    "event",
  ],
  groups: [
    "group",
    "label",
    "measure",
    "unit_kind",
    "event",
    "disputed",
    "revisions",
    "source",
    "document",
    "figure",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "speaker",
    "speaker_type",
    "via",
    "date",
    "superseded",
  ],
};

const relayText = (via: readonly Relay[]) => via.map((r) => r.name).join(" > ");
const slice = (doc: Document, s: Span | null) => (s ? doc.text.slice(s.start, s.end) : null);

/** The export rows of each table, from analysed documents (with claim layers) and their ledger. */
export function exportRows(docs: readonly Document[], links: LinkResult): Record<Table, Row[]> {
  const speakerEntity = new Map<string, string>();
  for (const e of links.entities)
    for (const a of e.attributions) speakerEntity.set(`${a.document}\u0000${a.id}`, e.id);
  const groupOf = new Map<string, { group: string; event: string }>();
  for (const g of links.figureGroups)
    for (const f of g.figures) groupOf.set(`${f.documentId}\u0000${f.id}`, { group: g.id, event: g.eventId });
  const attributions: Row[] = [];
  const figures: Row[] = [];
  for (const doc of docs) {
    const layers = claimLayers(doc);
    const viaOf = new Map((layers.attributions ?? []).map((a) => [a.id, a.via]));
    for (const a of layers.attributions ?? [])
      attributions.push({
        source: doc.source,
        document: doc.id,
        attribution: a.id,
        kind: a.kind,
        speaker: a.speaker?.name ?? null,
        speaker_type: a.speaker?.type ?? null,
        speaker_role: a.speaker?.role ?? null,
        speaker_entity: speakerEntity.get(`${doc.id}\u0000${a.id}`) ?? null,
        via: relayText(a.via),
        cue: slice(doc, a.cue),
        content: a.content.map((s) => slice(doc, s)).join(" … "),
        date: a.date ?? null,
      });
    for (const f of layers.figures ?? []) {
      const g = groupOf.get(`${doc.id}\u0000${f.id}`);
      figures.push({
        source: doc.source,
        document: doc.id,
        figure: f.id,
        text: doc.text.slice(f.start, f.end),
        value: f.value,
        low: f.low,
        high: f.high,
        qualifier: f.qualifier,
        unit: f.unit,
        measure: f.measure,
        subject: f.subject,
        speaker: f.speaker?.name ?? null,
        speaker_type: f.speaker?.type ?? null,
        attribution: f.attribution,
        via: relayText(f.attribution ? (viaOf.get(f.attribution) ?? []) : []),
        date: f.date ?? null,
        refers_to: f.date ?? null,
        group: g?.group ?? null,
        event: g?.event ?? null,
      });
    }
  }
  const speakerName = (s: Speaker | null) => s?.name ?? "?";
  const groups: Row[] = links.figureGroups.flatMap((g) => {
    const revisions = g.revisions.map((r) => `${speakerName(r.speaker)}: ${r.from} → ${r.to}`).join("; ");
    return g.figures.map((f) => ({
      group: g.id,
      label: g.label,
      measure: g.measure,
      unit_kind: g.unitKind,
      event: g.eventId,
      disputed: g.disputed,
      revisions,
      source: f.source,
      document: f.documentId,
      figure: f.id,
      text: f.text,
      value: f.value,
      low: f.low,
      high: f.high,
      qualifier: f.qualifier,
      speaker: f.speaker?.name ?? null,
      speaker_type: f.speaker?.type ?? null,
      via: relayText(f.via),
      date: f.statedOn,
      superseded: f.superseded,
    }));
  });
  // A figure's date column is when it was stated (from its group) where it is grouped.
  const stated = new Map(
    links.figureGroups.flatMap((g) => g.figures.map((f) => [`${f.documentId}\u0000${f.id}`, f.statedOn])),
  );
  for (const row of figures) row.date = stated.get(`${row.document}\u0000${row.figure}`) ?? row.date ?? null;
  return { attributions, figures, groups };
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge space, quotes doubled. Text
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe;
 * numbers are written as numbers.
 */
export function csvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: Table, rows: readonly Row[]): string {
  const columns = COLUMNS[table];
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => csvField(r[c] ?? null)).join(","))];
  return lines.join("\r\n") + "\r\n";
}

export function toJsonl(table: Table, rows: readonly Row[]): string {
  const type = table === "attributions" ? "attribution" : table === "figures" ? "figure" : "group_figure";
  return rows.map((r) => JSON.stringify({ type, ...r }) + "\n").join("");
}

interface Flags extends ReadFlags {
  data?: string;
  format: "jsonl" | "csv";
  table?: Table;
  out?: string;
}

export function exportCommand(program: Command): void {
  program
    .command("export")
    .description(
      "export attributions, figures and figure groups for spreadsheets and scripts: from the store, or from the given files (in memory)",
    )
    .argument("[paths...]", "files, directories, or - for standard input; none means everything in the store")
    .addOption(new Option("--format <format>", "output format").choices(["jsonl", "csv"]).default("jsonl"))
    .addOption(
      new Option("--table <table>", "only this table (CSV to standard output needs one, or --out)").choices([
        ...TABLES,
      ]),
    )
    .option("--out <dir>", "write one file per table into this folder instead of standard output")
    .addOption(publishedOption())
    .addOption(maxBytesOption())
    .addOption(dataOption())
    .addHelpText(
      "after",
      `
Tables: attributions (one row per attribution), figures (one row per figure, with its group and event),
groups (one row per figure in a figure group, with the group's label, dispute flag and revisions).
JSONL rows carry "type": "attribution" | "figure" | "group_figure". CSV is RFC 4180 (CRLF, quoted fields);
text starting with = + - @ gets a leading apostrophe so spreadsheets do not run it as a formula.

Examples:
  claimtrace export --format csv --table groups > groups.csv
  claimtrace export --format csv --out ledger/
  claimtrace export --format jsonl articles/ | jq 'select(.type == "figure")'`,
    )
    .action(async (paths: string[], flags: Flags) => {
      if (flags.format === "csv" && !flags.table && !flags.out)
        throw new InputError("--format csv", "needs --table (one table to standard output) or --out DIR");
      const { docs, links, rejected } = await loadCorpus(paths, flags);
      const rows = exportRows(docs, links);
      const tables = flags.table ? [flags.table] : TABLES;
      const render = (t: Table) => (flags.format === "csv" ? toCsv(t, rows[t]) : toJsonl(t, rows[t]));
      if (flags.out) {
        await mkdir(flags.out, { recursive: true });
        for (const t of tables) {
          const name = flags.format === "csv" ? FILE_NAMES[t] : FILE_NAMES[t].replace(/\.csv$/, ".jsonl");
          await writeFile(join(flags.out, name), render(t));
        }
      } else for (const t of tables) await write(render(t));
      process.exitCode = rejected > 0 ? EXIT.rejected : EXIT.ok;
    });
}
