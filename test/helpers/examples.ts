/** The example articles (examples/corpus) and the hand-written tables of examples/corpus/EXPECTED.md about them. */
import { readFileSync } from "node:fs";
import { readDocuments } from "../../src/corpus/read.js";
import type { Document } from "../../src/model/document.js";

export interface TableRow {
  /** The article: a file name, or "wire.jsonl#1", "wire.jsonl#2" for the records of wire.jsonl. */
  file: string;
  /** 1-based line in EXPECTED.md. */
  line: number;
  /** The row's cells, trimmed. */
  cells: string[];
}

/**
 * The rows of every table of one kind ("(a) Attributions", "(b) Figures") whose first cell matches `firstCell`.
 * wire.jsonl's records are told apart by counting their "(a) Attributions" headings.
 */
export function expectedTableRows(table: string, firstCell: RegExp): TableRow[] {
  const md = readFileSync("examples/corpus/EXPECTED.md", "utf8");
  const rows: TableRow[] = [];
  let file = "";
  let record = 0;
  let inTable = false;
  md.split("\n").forEach((line, n) => {
    const section = /^## \d+\. (\S+)/.exec(line);
    if (section) {
      file = section[1]!;
      record = 0;
      inTable = false;
      return;
    }
    if (/^#### .*\(a\) Attributions/.test(line)) record++;
    if (/^#{3,4} /.test(line)) {
      inTable = line.replace(/^#{3,4} /, "").startsWith(table);
      return;
    }
    if (!inTable || !line.startsWith("|")) return;
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    if (!firstCell.test(cells[0] ?? "")) return;
    rows.push({ file: file === "wire.jsonl" ? `wire.jsonl#${record}` : file, line: n + 1, cells });
  });
  return rows;
}

/** The example articles by file name ("wire.jsonl#1" for a record of wire.jsonl), analysed. */
export async function exampleDocuments(): Promise<Map<string, Document>> {
  const docs = new Map<string, Document>();
  for await (const e of readDocuments(["examples/corpus"], { maxBytes: 20 * 2 ** 20, published: null })) {
    if (e.kind === "document") docs.set(e.doc.source.split("/").pop()!, e.doc);
  }
  return docs;
}
