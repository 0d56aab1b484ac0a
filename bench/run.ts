// `npm run bench`: every benchmark, each reporting ratios against a reference measured in the same run.
// `npm run bench -- figures serve` runs only the named ones. The script builds first and runs the compiled code
// (see bench/compiled.mjs).
import { benchAttribution } from "./attribution.js";
import { benchFigures } from "./figures.js";
import { benchLink } from "./link.js";
import { benchPipeline } from "./pipeline.js";
import { benchServe } from "./serve.js";

const benches: Array<[string, string, () => Promise<string>]> = [
  ["pipeline", "pipeline", benchPipeline],
  ["attribution", "attribution", () => benchAttribution()],
  ["figures", "figures and dates", () => benchFigures()],
  ["link", "linking across articles", () => benchLink()],
  ["serve", "HTTP API under load", () => benchServe()],
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !benches.some(([key]) => key === w));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(", ")}; choose from ${benches.map(([key]) => key).join(", ")}`);
  process.exit(2);
}
for (const [key, name, bench] of benches) {
  if (wanted.length > 0 && !wanted.includes(key)) continue;
  console.log(`\n# ${name}`);
  console.log(await bench());
}
