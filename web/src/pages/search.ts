import { api, type AttributionItem, type DocumentSummary, type Page } from "../api.js";
import { h, replace, route } from "../dom.js";
import type { RouteContext } from "../router.js";
import { attributionLine, documentLine, field, pager } from "../widgets.js";

const FILTERS = ["q", "in", "outlet", "speaker", "from", "to"] as const;

/**
 * Search across documents (full text, with outlet and date filters) or attributions (full text over speaker
 * and content, with speaker, outlet and date filters). The form state lives in the URL, so results can be
 * bookmarked and the back button works.
 */
export async function searchPage({ query, main, signal }: RouteContext): Promise<void> {
  const state = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ""])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const inAttributions = state.in === "attributions";
  const offset = Number(query.get("offset") ?? 0) || 0;
  document.title = state.q ? `Search: ${state.q} — claimtrace` : "Search — claimtrace";

  const q = h("input", { type: "search", name: "q", value: state.q, placeholder: "words, names, numbers" });
  const scopeDocs = h("input", {
    type: "radio",
    name: "in",
    value: "documents",
    id: "in-documents",
    checked: !inAttributions,
  });
  const scopeAtts = h("input", {
    type: "radio",
    name: "in",
    value: "attributions",
    id: "in-attributions",
    checked: inAttributions,
  });
  const outlet = h("input", { type: "text", name: "outlet", value: state.outlet });
  const speaker = h("input", { type: "text", name: "speaker", value: state.speaker });
  const from = h("input", { type: "date", name: "from", value: state.from });
  const to = h("input", { type: "date", name: "to", value: state.to });
  const speakerField = field("Speaker", speaker, "part of the name");
  const syncScope = () => speakerField.classList.toggle("hidden", !scopeAtts.checked);
  scopeDocs.addEventListener("change", syncScope);
  scopeAtts.addEventListener("change", syncScope);
  syncScope();

  const form = h(
    "form",
    { class: "filters search-form", role: "search" },
    field("Search for", q),
    h(
      "fieldset",
      { class: "scope" },
      h("legend", null, "Search in"),
      h("label", { for: "in-documents" }, scopeDocs, " documents"),
      h("label", { for: "in-attributions" }, scopeAtts, " attributions"),
    ),
    field("Outlet", outlet),
    speakerField,
    field("From", from),
    field("To", to),
    h("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const atts = scopeAtts.checked;
    location.hash = route(["search"], {
      q: q.value.trim(),
      in: atts ? "attributions" : "documents",
      outlet: outlet.value.trim(),
      speaker: atts ? speaker.value.trim() : "",
      from: from.value,
      to: to.value,
    });
  });

  const results = h("section", { class: "search-results", "aria-live": "polite", "aria-label": "Results" });
  replace(main, h("h1", { tabindex: "-1" }, "Search"), form, results);
  const anything = FILTERS.some((k) => k !== "in" && state[k]);
  if (!anything) {
    replace(results, h("p", { class: "muted" }, "Type a query or set a filter."));
    return;
  }

  const at = (o: number) => route(["search"], { ...state, offset: o });
  if (inAttributions) {
    const page: Page<AttributionItem> = await api.attributions(
      {
        q: state.q,
        speaker: state.speaker,
        outlet: state.outlet,
        from: state.from,
        to: state.to,
        offset,
        limit: 50,
      },
      signal,
    );
    if (signal.aborted) return;
    replace(
      results,
      h(
        "ul",
        { class: "results" },
        page.items.map((a) => attributionLine(a)),
      ),
      pager(page, at),
    );
  } else {
    const filtered = state.outlet || state.from || state.to;
    // With only words, rank by relevance; with filters, the document list answers (newest first).
    const page: Page<DocumentSummary> =
      state.q && !filtered
        ? await api.search({ q: state.q, offset, limit: 50 }, signal)
        : await api.documents(
            { q: state.q, outlet: state.outlet, from: state.from, to: state.to, offset, limit: 50 },
            signal,
          );
    if (signal.aborted) return;
    replace(results, h("ul", { class: "results" }, page.items.map(documentLine)), pager(page, at));
  }
}
