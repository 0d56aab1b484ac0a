import type { AttributionItem, DocumentSummary, Page } from "./api.js";
import { h, link, route } from "./dom.js";
import { contentText, quoted, relayChain, speakerName } from "./format.js";

/** "Showing 1–50 of 120" with previous/next links built by `at(offset)`. */
export function pager<T>(page: Page<T>, at: (offset: number) => string): HTMLElement {
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.items.length;
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages of results" },
    h("span", null, page.total === 0 ? "No results" : `${first}–${last} of ${page.total}`),
    page.offset > 0 ? link(at(Math.max(0, page.offset - page.limit)), "← Previous") : null,
    page.nextOffset != null ? link(at(page.nextOffset), "Next →") : null,
  );
}

export function documentLine(d: DocumentSummary): HTMLElement {
  return h(
    "li",
    { class: "result" },
    link(route(["documents", d.id]), d.title ?? d.source),
    h(
      "div",
      { class: "muted small" },
      [d.outlet, d.publishedAt ?? "undated", d.source].filter(Boolean).join(" · "),
    ),
  );
}

/** A statement in a list: the quote (linking to its place in the reader), who said it, when, where, via whom. */
export function attributionLine(a: AttributionItem, options: { showSpeaker?: boolean } = {}): HTMLElement {
  const first = a.content[0];
  const last = a.content[a.content.length - 1];
  const span = first && last ? `${first.start}-${last.end}` : null;
  const quote = contentText(a.content);
  return h(
    "li",
    { class: "result statement" },
    options.showSpeaker === false
      ? null
      : h(
          "div",
          { class: "who" },
          a.speakerEntity
            ? link(route(["entities", a.speakerEntity]), speakerName(a.speaker))
            : h("strong", null, speakerName(a.speaker)),
          a.speaker?.role ? h("span", { class: "muted" }, `, ${a.speaker.role}`) : null,
        ),
    h("blockquote", null, link(route(["documents", a.document], { span }), quoted(quote))),
    h(
      "div",
      { class: "muted small" },
      [
        a.date ?? a.publishedAt ?? "undated",
        a.cue ? a.cue.text : null,
        a.kind,
        relayChain(a.via),
        [a.outlet, a.documentTitle].filter(Boolean).join(": "),
      ]
        .filter(Boolean)
        .join(" · "),
    ),
  );
}

/** A labelled form control: every input in the UI has a visible label. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  control.id = id;
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    control,
    hint ? h("small", { class: "muted" }, hint) : null,
  );
}
