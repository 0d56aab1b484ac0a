// `npm run bench`: every benchmark, each reporting ratios against a reference measured in the same run.
import { benchAttribution } from "./attribution.js";
import { benchFigures } from "./figures.js";
import { benchLink } from "./link.js";
import { benchPipeline } from "./pipeline.js";
import { benchServe } from "./serve.js";

const benches: Array<[string, () => Promise<string>]> = [
  ["pipeline", benchPipeline],
  ["attribution", () => benchAttribution()],
  ["figures and dates", () => benchFigures()],
  ["linking across articles", () => benchLink()],
  ["HTTP API under load", () => benchServe()],
];

for (const [name, bench] of benches) {
  console.log(`\n# ${name}`);
  console.log(await bench());
}
