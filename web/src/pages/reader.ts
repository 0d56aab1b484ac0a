import { api, type DocAttribution, type DocFigure, type DocumentDetail } from "../api.js";
import { h, link, replace, route, shorten } from "../dom.js";
import { ColourKeys, contentText, figureValue, quoted, relayChain, speakerName } from "../format.js";
import type { RouteContext } from "../router.js";

interface Range {
  start: number;
  end: number;
}

/** `120-180` → {start: 120, end: 180}; anything else → null. */
export function parseRange(s: string | null): Range | null {
  const m = /^(\d+)-(\d+)$/.exec(s ?? "");
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}

/** One attribution part laid on the text: the speaker mention, the cue, or a piece of content. */
interface AttributionPart extends Range {
  role: "source" | "cue" | "content";
  attribution: DocAttribution;
  colour: number;
}

const covers = (r: Range, a: number, b: number) => r.start <= a && b <= r.end;

/**
 * The reader: the article's own text, paragraph by paragraph, cut at every span boundary so each piece carries
 * the layers over it (attribution part, figure, page furniture, the sentence asked for in the URL).
 */
export async function readerPage({ params, query, main, signal }: RouteContext): Promise<void> {
  const id = params[0] ?? "";
  const doc = await api.document(id, signal);
  if (signal.aborted) return;
  document.title = `${doc.title ?? doc.source} — claimtrace`;
  const original = doc.url ? safeUrl(doc.url) : null;
  const highlight = parseRange(query.get("span"));
  const figureHighlight = parseRange(query.get("figure"));
  const colours = new ColourKeys();
  const parts: AttributionPart[] = [];
  for (const a of doc.attributions) {
    const colour = colours.index(speakerName(a.speaker));
    if (a.source) parts.push({ ...a.source, role: "source", attribution: a, colour });
    if (a.cue) parts.push({ ...a.cue, role: "cue", attribution: a, colour });
    for (const c of a.content)
      parts.push({ start: c.start, end: c.end, role: "content", attribution: a, colour });
  }

  const article = h("div", { class: "article-text", id: "article-text" });
  const landing = { placed: false };
  for (const p of paragraphsOf(doc))
    article.append(renderParagraph(doc, p, parts, highlight, figureHighlight, landing));

  const details = h("div", { class: "quote-details", "aria-live": "polite" });
  article.addEventListener("click", (e) => {
    const el = (e.target as Element).closest<HTMLElement>("[data-att]");
    const a = el && doc.attributions.find((x) => x.id === el.dataset.att);
    if (a) showAttribution(details, a, colours);
  });

  const hideToggle = h("input", { type: "checkbox", id: "hide-excluded" });
  hideToggle.addEventListener("change", () => article.classList.toggle("hide-excluded", hideToggle.checked));

  replace(
    main,
    h(
      "div",
      { class: "reader" },
      h(
        "article",
        { class: "reader-main", "aria-labelledby": "doc-title" },
        h("h1", { id: "doc-title" }, doc.title ?? doc.source),
        h(
          "p",
          { class: "meta", title: doc.source },
          // The source is a path or URL; its last part is enough here (the whole of it is the tooltip).
          [
            doc.outlet ?? "Unknown outlet",
            doc.publishedAt ?? "undated",
            doc.byline,
            doc.source.split(/[\\/]/).pop(),
          ]
            .filter(Boolean)
            .join(" · "),
          original
            ? [" · ", h("a", { href: original, rel: "noreferrer noopener", target: "_blank" }, "original")]
            : null,
        ),
        h(
          "div",
          { class: "reader-controls" },
          h(
            "label",
            { for: "hide-excluded" },
            hideToggle,
            " Hide page furniture (",
            String(doc.excluded.length),
            " excluded regions)",
          ),
          h(
            "span",
            { class: "legend" },
            h("span", { class: "att-content spk-0" }, "quoted content"),
            " ",
            h("span", { class: "att-source spk-0" }, "speaker"),
            " ",
            h("span", { class: "att-cue spk-0" }, "cue"),
            " ",
            h("mark", { class: "fig" }, "figure"),
            " ",
            h("span", { class: "excl" }, "excluded"),
          ),
        ),
        article,
      ),
      sidePanel(doc, colours, details),
    ),
  );

  const target = article.querySelector<HTMLElement>("#highlight");
  if (target) {
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  } else {
    main.querySelector<HTMLElement>("h1")?.setAttribute("tabindex", "-1");
    main.querySelector<HTMLElement>("h1")?.focus();
  }
}

/**
 * The blocks to show: every non-empty line of the text. The paragraph layer leaves out excluded lines (page
 * furniture), but the reader shows all of the original text, furniture dimmed.
 */
function paragraphsOf(doc: DocumentDetail): Range[] {
  const blocks: Range[] = [];
  const line = /[^\r\n]+/g;
  for (let m = line.exec(doc.text); m; m = line.exec(doc.text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trail = m[0].length - m[0].trimEnd().length;
    if (m[0].trim()) blocks.push({ start: m.index + lead, end: m.index + m[0].length - trail });
  }
  return blocks;
}

function renderParagraph(
  doc: DocumentDetail,
  p: Range,
  parts: readonly AttributionPart[],
  highlight: Range | null,
  figureHighlight: Range | null,
  landing: { placed: boolean },
): HTMLElement {
  const inside = <T extends Range>(list: readonly T[]) =>
    list.filter((r) => r.end > p.start && r.start < p.end);
  const excluded = inside(doc.excluded);
  const atts = inside(parts);
  const figures = inside(doc.figures);
  const cuts = new Set([p.start, p.end]);
  for (const r of [
    ...excluded,
    ...atts,
    ...figures,
    ...(highlight ? [highlight] : []),
    ...(figureHighlight ? [figureHighlight] : []),
  ])
    for (const x of [r.start, r.end]) if (x > p.start && x < p.end) cuts.add(x);
  const points = [...cuts].sort((a, b) => a - b);

  const wholeExclusion = excluded.find((r) => covers(r, p.start, p.end));
  const para = h("p", { class: wholeExclusion ? "para excluded" : "para" });
  if (wholeExclusion) para.dataset.reason = wholeExclusion.reason;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const text = doc.text.slice(a, b);
    const classes: string[] = [];
    const attrs: Record<string, string> = {};
    // The most specific attribution part wins: a cue or speaker inside a quote's span shows as such.
    const part = atts.filter((r) => covers(r, a, b)).sort((x, y) => x.end - x.start - (y.end - y.start))[0];
    if (part) {
      classes.push(`att-${part.role}`, `spk-${part.colour}`);
      attrs["data-att"] = part.attribution.id;
    }
    const exclusion = !wholeExclusion && excluded.find((r) => covers(r, a, b));
    if (exclusion) {
      classes.push("excl");
      attrs.title = `excluded: ${exclusion.reason}`;
    }
    if (highlight && covers(highlight, a, b)) classes.push("hl");
    const figure = figures.find((r) => covers(r, a, b));
    let node: HTMLElement | Text;
    if (figure) {
      node = h("mark", { class: "fig", title: figureTitle(figure) }, text);
      if (figureHighlight && covers(figureHighlight, a, b)) node.classList.add("hl-fig");
      node.dataset.fig = figure.id;
      if (classes.length) node = h("span", { class: classes.join(" ") }, node);
    } else if (classes.length) {
      node = h("span", { class: classes.join(" ") }, text);
    } else {
      node = document.createTextNode(text);
    }
    if (node instanceof HTMLElement) for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (highlight && covers(highlight, a, b) && node instanceof HTMLElement && !landing.placed) {
      // The first piece of the requested sentence is where the reader lands (and keyboard focus with it).
      node.id = "highlight";
      node.tabIndex = -1;
      landing.placed = true;
    }
    para.append(node);
  }
  return para;
}

function figureTitle(f: DocFigure): string {
  const what = [f.measure, f.subject].filter(Boolean).join(", ");
  return `${figureValue(f)}${f.unit ? ` ${f.unit}` : ""}${what ? ` — ${what}` : ""}${f.speaker ? ` — ${f.speaker.name}` : ""}`;
}

/** Who is quoted, with each of their quotes as a button that jumps to it; then the document's figures. */
function sidePanel(doc: DocumentDetail, colours: ColourKeys, details: HTMLElement): HTMLElement {
  const bySpeaker = new Map<string, DocAttribution[]>();
  for (const a of doc.attributions) {
    const key = speakerName(a.speaker);
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), a]);
  }
  const speakers = [...bySpeaker.entries()].sort(
    (x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]),
  );
  const jump = (selector: string) => () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return;
    document.querySelectorAll(".flash").forEach((x) => x.classList.remove("flash"));
    el.classList.add("flash");
    el.tabIndex = -1;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  };
  return h(
    "aside",
    { class: "reader-panel", "aria-labelledby": "quoted-heading" },
    h("h2", { id: "quoted-heading" }, `Who is quoted (${bySpeaker.size})`),
    doc.attributions.length === 0 ? h("p", { class: "muted" }, "No attributions found.") : null,
    h(
      "ul",
      { class: "speakers" },
      speakers.map(([name, list]) => {
        const first = list[0]!;
        return h(
          "li",
          { class: "speaker" },
          h("span", { class: `swatch spk-${colours.index(name)}`, "aria-hidden": "true" }),
          h("strong", null, name),
          first.speaker?.role ? h("span", { class: "muted" }, `, ${first.speaker.role}`) : null,
          first.speaker
            ? [
                " ",
                // Straight to the entity when the ledger names it; otherwise a search by name.
                first.speakerEntity
                  ? link(
                      route(["entities", first.speakerEntity]),
                      h("span", { class: "visually-hidden" }, `Everything ${name} said`),
                      "↗",
                    )
                  : link(
                      route(["entities"], { q: name }),
                      h("span", { class: "visually-hidden" }, `Find ${name} among entities`),
                      "↗",
                    ),
              ]
            : null,
          h(
            "ul",
            { class: "quotes" },
            list.map((a) =>
              h(
                "li",
                null,
                h(
                  "button",
                  {
                    type: "button",
                    class: "quote-jump",
                    onclick: () => {
                      jump(`[data-att="${cssId(a.id)}"]`)();
                      showAttribution(details, a, colours);
                    },
                  },
                  quoted(shorten(contentText(a.content), 90)),
                ),
                h(
                  "span",
                  { class: "muted small" },
                  [a.kind, a.date, relayChain(a.via)].filter(Boolean).join(" · "),
                ),
              ),
            ),
          ),
        );
      }),
    ),
    details,
    h("h2", null, `Figures (${doc.figures.length})`),
    h(
      "ul",
      { class: "figure-list" },
      doc.figures.map((f) =>
        h(
          "li",
          null,
          h(
            "button",
            { type: "button", class: "quote-jump", onclick: jump(`[data-fig="${cssId(f.id)}"]`) },
            figureValue(f),
          ),
          " ",
          h(
            "span",
            { class: "muted small" },
            [f.measure, f.subject, f.speaker?.name].filter(Boolean).join(" · "),
          ),
        ),
      ),
    ),
  );
}

function showAttribution(box: HTMLElement, a: DocAttribution, colours: ColourKeys): void {
  const name = speakerName(a.speaker);
  replace(
    box,
    h("h2", null, "Selected quote"),
    h(
      "dl",
      { class: "facts" },
      h("dt", null, "Speaker"),
      h(
        "dd",
        null,
        h("span", { class: `swatch spk-${colours.index(name)}`, "aria-hidden": "true" }),
        name,
        a.speaker?.role ? `, ${a.speaker.role}` : "",
      ),
      a.source ? [h("dt", null, "Named as"), h("dd", null, a.source.text)] : null,
      a.cue ? [h("dt", null, "Cue"), h("dd", null, a.cue.text)] : null,
      h("dt", null, "Kind"),
      h("dd", null, a.kind),
      a.date ? [h("dt", null, "Date"), h("dd", null, a.date)] : null,
      a.via.length ? [h("dt", null, "Relay"), h("dd", null, relayChain(a.via))] : null,
      h("dt", null, "Content"),
      h("dd", null, quoted(contentText(a.content))),
    ),
  );
}

/** Attribution and figure ids are short word tokens ("a12", "f3"); anything else is dropped from selectors. */
function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "");
}

/** Only http(s) links to an article's original: a `javascript:` URL in a record must not become a link. */
function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
