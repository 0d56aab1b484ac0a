// `node --import tsx --import ./bench/compiled.mjs bench/….ts`: run a benchmark against the compiled JavaScript in dist/ that the
// CLI and the server run, rather than against src/ through tsx. tsx compiles with esbuild's keepNames, which wraps
// every named local function in a `__name(…)` call that sets its name when it is created: in per-token and
// per-sentence code that costs several percent the shipped build does not pay. The benchmark files themselves are
// still TypeScript (run by tsx); only their imports of ../src/ are redirected to ../dist/.
import { existsSync } from "node:fs";
import { register } from "node:module";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/", import.meta.url);
if (!existsSync(fileURLToPath(new URL("cli/bin.js", dist))))
  throw new Error(`bench: no compiled build in ${fileURLToPath(dist)}; run npm run build first`);

// after tsx's own hooks (registered by `--import tsx` before this module), so this one runs first
register("./compiled-hooks.mjs", import.meta.url);
