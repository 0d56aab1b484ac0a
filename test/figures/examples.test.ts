/**
 * Figures over examples/corpus held to the hand-written tables in examples/corpus/EXPECTED.md: every row of every
 * "(b) Figures" table must be found (its span, value or range, and qualifier), and every figure found must be one of
 * the rows — so the numbers listed under "(d) Numbers that must NOT be figures" (ages, times, "Four days after",
 * "the two sides", "three sources") fail the test if they come back.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Figure } from "../../src/model/claims.js";
import type { Document } from "../../src/model/document.js";
import { exampleDocuments, expectedTableRows } from "../helpers/examples.js";

interface Row {
  file: string;
  line: number;
  span: string;
  /** A single value, a [low, high] range, or null for a vague amount ("dozens"). */
  value: number | [number, number] | null;
  qualifier: string;
}

function expectedRows(): Row[] {
  const num = (s: string) => Number(s.replace(/,/g, ""));
  return expectedTableRows("(b) Figures", /^P\d+$/).map(({ file, line, cells }) => {
    const [, spanCell, valueCell, qualifierCell] = cells as [string, string, string, string];
    const range = /low ([\d.,]+), high ([\d.,]+)/.exec(valueCell);
    return {
      file,
      line,
      span: /`([^`]+)`/.exec(spanCell)![1]!,
      value: range ? [num(range[1]!), num(range[2]!)] : valueCell.startsWith("—") ? null : num(/^[\d.,]+/.exec(valueCell)![0]),
      qualifier: qualifierCell.split(/[ (]/)[0]!,
    };
  });
}

let docs = new Map<string, Document>();
before(async () => {
  docs = await exampleDocuments();
});

function matches(text: string, f: Figure, row: Row): boolean {
  const found = text.slice(f.start, f.end);
  if (!found.includes(row.span) && !row.span.includes(found)) return false;
  if (f.qualifier !== row.qualifier) return false;
  if (row.value === null) return f.value === null && f.low !== null;
  if (Array.isArray(row.value)) return f.low === row.value[0] && f.high === row.value[1];
  return f.value !== null && Math.abs(f.value - row.value) < 1e-9;
}

const rows = expectedRows();

test("EXPECTED.md lists figures for all eleven articles", () => {
  assert.equal(new Set(rows.map((r) => r.file)).size, 11);
  assert.ok(rows.length >= 55, `${rows.length} rows`);
});

for (const file of [...new Set(rows.map((r) => r.file))]) {
  test(`figures of ${file} are exactly the ones in EXPECTED.md`, () => {
    const doc = docs.get(file);
    assert.ok(doc, `${file} not read`);
    const figures = [...(doc.layers.figures ?? [])];
    const missing: string[] = [];
    for (const row of rows.filter((r) => r.file === file)) {
      const i = figures.findIndex((f) => matches(doc.text, f, row));
      if (i < 0) missing.push(`${row.span} (${JSON.stringify(row.value)}, ${row.qualifier}; EXPECTED.md line ${row.line})`);
      else figures.splice(i, 1);
    }
    assert.deepEqual(missing, [], "expected figures not found");
    const extra = figures.map((f) => `${doc.text.slice(f.start, f.end)} (${f.value ?? `${f.low}–${f.high}`}, ${f.qualifier})`);
    assert.deepEqual(extra, [], "figures that EXPECTED.md does not list");
  });
}
