// Resolve hook for bench/compiled.mjs: a module under src/ resolves to its compiled twin under dist/.
const src = new URL("../src/", import.meta.url).href;
const dist = new URL("../dist/", import.meta.url).href;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith(src)) {
    const url = dist + resolved.url.slice(src.length).replace(/\.ts$/, ".js");
    return { ...resolved, url, format: "module" };
  }
  return resolved;
}
