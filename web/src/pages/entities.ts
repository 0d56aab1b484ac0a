import { api, type EntitySummary } from "../api.js";
import { h, link, replace, route } from "../dom.js";
import { figureValue, relayChain } from "../format.js";
import type { RouteContext } from "../router.js";
import { attributionLine, field, pager } from "../widgets.js";

const TYPES = ["", "person", "organization", "country", "place", "group", "outlet", "platform"];

const count = (n: number | string[]) => (Array.isArray(n) ? n.length : n);

/** People and bodies, most-quoted first, searchable by name or alias. */
export async function entitiesPage(ctx: RouteContext): Promise<void> {
  if (ctx.params[0]) return entityPage(ctx);
  const { query, main, signal } = ctx;
  document.title = "Entities — claimtrace";
  const state = { q: query.get("q") ?? "", type: query.get("type") ?? "" };
  const offset = Number(query.get("offset") ?? 0) || 0;
  const page = await api.entities({ ...state, offset, limit: 50 }, signal);
  if (signal.aborted) return;

  const q = h("input", { type: "search", name: "q", value: state.q });
  const type = h(
    "select",
    { name: "type" },
    TYPES.map((t) => h("option", { value: t, selected: t === state.type }, t || "any")),
  );
  const form = h(
    "form",
    { class: "filters", role: "search" },
    field("Name or alias", q),
    field("Type", type),
    h("button", { type: "submit" }, "Find"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = route(["entities"], { q: q.value.trim(), type: type.value });
  });
  replace(
    main,
    h("h1", { tabindex: "-1" }, "Entities"),
    form,
    h(
      "table",
      { class: "data" },
      h("caption", { class: "visually-hidden" }, "Entities, most quoted first"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["Name", "Type", "Quoted", "Documents", "Aliases"].map((c) => h("th", { scope: "col" }, c)),
        ),
      ),
      h(
        "tbody",
        null,
        page.items.map((e) =>
          h(
            "tr",
            null,
            h("td", null, link(route(["entities", e.id]), e.name)),
            h("td", null, e.type),
            h("td", { class: "num" }, String(e.attributions)),
            h("td", { class: "num" }, String(count(e.documents))),
            h("td", { class: "muted" }, e.aliases.join(", ")),
          ),
        ),
      ),
    ),
    pager(page, (o) => route(["entities"], { ...state, offset: o })),
  );
}

/** Everything one person or body said across the corpus, with dates, outlets and relay chains; then their figures. */
async function entityPage({ params, query, main, signal }: RouteContext): Promise<void> {
  const id = params[0]!;
  const offset = Number(query.get("offset") ?? 0) || 0;
  const [entity, statements, figures] = await Promise.all([
    api.entity(id, signal),
    api.attributions({ entity: id, offset, limit: 100 }, signal),
    api.figures({ entity: id, limit: 200 }, signal),
  ]);
  if (signal.aborted) return;
  document.title = `${entity.name} — claimtrace`;
  replace(
    main,
    h("h1", { tabindex: "-1" }, entity.name),
    facts(entity),
    h("h2", null, `Statements (${statements.total})`),
    h(
      "ol",
      { class: "results statements" },
      statements.items.map((a) => attributionLine(a, { showSpeaker: false })),
    ),
    pager(statements, (o) => route(["entities", id], { offset: o })),
    h("h2", null, `Figures (${figures.total})`),
    figures.items.length
      ? h(
          "table",
          { class: "data" },
          h("caption", { class: "visually-hidden" }, `Figures stated by ${entity.name}`),
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              ["Date", "Figure", "Measure", "Relay", "Document"].map((c) => h("th", { scope: "col" }, c)),
            ),
          ),
          h(
            "tbody",
            null,
            figures.items.map((f) =>
              h(
                "tr",
                null,
                h("td", null, f.date ?? f.publishedAt ?? "undated"),
                h(
                  "td",
                  null,
                  link(
                    route(["documents", f.document], {
                      figure: `${f.start}-${f.end}`,
                      span: `${f.start}-${f.end}`,
                    }),
                    figureValue(f),
                  ),
                  " ",
                  h("span", { class: "muted" }, `“${f.text}”`),
                ),
                h("td", null, [f.measure, f.subject].filter(Boolean).join(", ")),
                h("td", null, relayChain(f.via)),
                h("td", null, [f.outlet, f.documentTitle].filter(Boolean).join(": ")),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "No figures."),
  );
}

function facts(e: EntitySummary): HTMLElement {
  return h(
    "dl",
    { class: "facts" },
    h("dt", null, "Type"),
    h("dd", null, e.type),
    h("dt", null, "Also named"),
    h("dd", null, e.aliases.length ? e.aliases.join(", ") : "—"),
    h("dt", null, "Roles"),
    h("dd", null, e.roles.length ? e.roles.join("; ") : "—"),
    h("dt", null, "Seen in"),
    h("dd", null, `${count(e.documents)} documents, ${e.mentions} mentions, quoted ${e.attributions} times`),
  );
}
