/** A tiny hash router: `#/groups`, `#/groups/{id}`, `#/documents/{id}?span=120-180`, `#/search?q=…`. */

export interface RouteContext {
  /** Decoded path segments after the page name. */
  params: string[];
  query: URLSearchParams;
  main: HTMLElement;
  /** Aborted when the user navigates away, so late answers do not paint over the next page. */
  signal: AbortSignal;
}

export type Page = (ctx: RouteContext) => Promise<void> | void;

export interface Location {
  page: string;
  params: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  const segments = path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return {
    page: segments[0] ?? "",
    params: segments.slice(1),
    query: new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)),
  };
}

export function startRouter(
  pages: Record<string, Page>,
  fallback: string,
  main: HTMLElement,
  onNavigate: (page: string) => void,
): void {
  let current: AbortController | null = null;
  const render = async () => {
    const loc = parseHash(location.hash);
    const name = loc.page in pages ? loc.page : fallback;
    current?.abort();
    const controller = new AbortController();
    current = controller;
    onNavigate(name);
    main.setAttribute("aria-busy", "true");
    delete main.dataset.ready;
    try {
      await pages[name]!({ params: loc.params, query: loc.query, main, signal: controller.signal });
    } catch (e) {
      if (controller.signal.aborted) return;
      main.replaceChildren();
      const p = document.createElement("p");
      p.className = "error";
      p.setAttribute("role", "alert");
      p.textContent = `Could not load this page: ${(e as Error).message}`;
      main.append(p);
    } finally {
      if (!controller.signal.aborted) {
        main.removeAttribute("aria-busy");
        // Marks the finished page (the browser tests wait on these).
        main.dataset.ready = name;
        main.dataset.route = location.hash || "#/";
      }
    }
  };
  window.addEventListener("hashchange", () => void render());
  void render();
}
