import * as Plot from "@observablehq/plot";
import {
  api,
  type FigureGroupDetail,
  type FigureGroupSummary,
  type FigureRef,
  type GroupFigure,
} from "../api.js";
import { h, link, replace, route } from "../dom.js";
import { ColourKeys, figureValue, num, relayChain, speakerName } from "../format.js";
import type { RouteContext } from "../router.js";
import { field, pager } from "../widgets.js";

const GROUPS_PER_PAGE = 12;
const DAY = 86_400_000;
const COMPACT = new Intl.NumberFormat("en", { notation: "compact" });
/** Disputes listed under a chart; the rest are counted. */
const DISPUTES_SHOWN = 3;
/** Bounds drawn as arrows: "at least"/"more than" point up, "up to"/"fewer than" down. */
const UPWARD = new Set(["at_least", "more_than"]);

/** One figure as the chart draws it. */
interface Point {
  figure: GroupFigure;
  /** The date it was stated (falling back to publication), nudged per claimant so equal dates do not hide each other. */
  x: Date;
  /** Its value, or a range's middle. */
  y: number;
  key: string;
  colour: string;
  href: string;
  label: string;
}

/** The reader at the figure's sentence, with the figure itself marked. */
export function figureHref(f: {
  document: string;
  start: number;
  end: number;
  sentence?: { start: number; end: number } | null;
}): string {
  const s = f.sentence ?? f;
  return route(["documents", f.document], { span: `${s.start}-${s.end}`, figure: `${f.start}-${f.end}` });
}

/**
 * The board: each figure group as a chart of every claimant's numbers over time, disputed groups first and
 * flagged, revisions drawn as steps, each point a link to its sentence; under each chart the same figures as
 * a table of links for the keyboard.
 */
export async function groupsPage(ctx: RouteContext): Promise<void> {
  if (ctx.params[0]) return groupPage(ctx);
  const { query, main, signal } = ctx;
  document.title = "Figure groups — claimtrace";
  const state = {
    event: query.get("event") ?? "",
    disputed: query.get("disputed") ?? "",
    q: query.get("q") ?? "",
  };
  const offset = Number(query.get("offset") ?? 0) || 0;
  const [page, events] = await Promise.all([
    api.figureGroups({ ...state, offset, limit: GROUPS_PER_PAGE }, signal),
    // The event filter is a convenience: the board still works if the event list cannot be had.
    api.events({ limit: 200 }, signal).catch(() => null),
  ]);
  const details = await Promise.all(page.items.map((g) => api.figureGroup(g.id, signal)));
  if (signal.aborted) return;

  const q = h("input", { type: "search", name: "q", value: state.q });
  const event = h(
    "select",
    { name: "event" },
    h("option", { value: "" }, "all events"),
    (events?.items ?? []).map((e) =>
      h("option", { value: e.id, selected: e.id === state.event }, `${e.label} (${e.figureGroups} groups)`),
    ),
  );
  const disputed = h("input", {
    type: "checkbox",
    name: "disputed",
    id: "only-disputed",
    checked: state.disputed === "true",
  });
  const form = h(
    "form",
    { class: "filters", role: "search" },
    field("Event", event),
    field("Label contains", q),
    h("div", { class: "field check" }, h("label", { for: "only-disputed" }, disputed, " disputed only")),
    h("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = route(["groups"], {
      event: event.value,
      q: q.value.trim(),
      disputed: disputed.checked ? "true" : "",
    });
  });

  const board = h("div", { class: "board" });
  replace(
    main,
    h("h1", { tabindex: "-1" }, "Figure groups"),
    h(
      "p",
      { class: "muted" },
      "Each chart is one measure of one event: every claimant's numbers over time. Click a point (or a row under the chart) to read its sentence.",
    ),
    form,
    board,
    pager(page, (o) => route(["groups"], { ...state, offset: o })),
  );
  for (const [i, detail] of details.entries())
    board.append(groupCard(detail, page.items[i]!, board.clientWidth, false));
}

async function groupPage({ params, main, signal }: RouteContext): Promise<void> {
  const detail = await api.figureGroup(params[0]!, signal);
  if (signal.aborted) return;
  document.title = `${detail.label} — claimtrace`;
  const box = h("div", { class: "board single" });
  replace(main, h("p", null, link(route(["groups"]), "← All figure groups")), box);
  box.append(groupCard(detail, null, box.clientWidth, true));
  main.querySelector<HTMLElement>("h1")?.focus();
}

function groupCard(
  g: FigureGroupDetail,
  summary: FigureGroupSummary | null,
  boardWidth: number,
  single: boolean,
): HTMLElement {
  const colours = new ColourKeys();
  const names = new Map<string, string>();
  for (const f of sortByDate(g.figures)) {
    const key = f.speakerEntity ?? speakerName(f.speaker);
    if (!names.has(key)) names.set(key, speakerName(f.speaker));
    colours.index(key);
  }
  const Heading = single ? "h1" : "h2";
  const card = h(
    "section",
    { class: g.disputed ? "group disputed" : "group", "aria-labelledby": `g-${g.id}` },
    h(
      "header",
      null,
      h(
        Heading,
        { id: `g-${g.id}`, tabindex: single ? "-1" : null },
        single ? g.label : link(route(["groups", g.id]), g.label),
      ),
      g.disputed ? h("span", { class: "badge disputed-badge" }, "Disputed") : null,
      h(
        "p",
        { class: "muted small" },
        [
          g.measure,
          g.unitKind,
          `${g.figures.length} figures`,
          `${names.size} claimants`,
          summary?.firstDate && summary.lastDate ? `${summary.firstDate} – ${summary.lastDate}` : null,
        ]
          .filter(Boolean)
          .join(" · "),
        g.event ? [" · ", link(route(["groups"], { event: g.event.id }), g.event.label)] : null,
      ),
    ),
    h(
      "ul",
      { class: "legend-list", "aria-label": "Claimants" },
      [...names].map(([key, name]) =>
        h("li", null, h("span", { class: `swatch spk-${colours.index(key)}`, "aria-hidden": "true" }), name),
      ),
    ),
  );
  const chartWidth = single
    ? boardWidth
    : Math.max(320, Math.floor(boardWidth >= 1100 ? (boardWidth - 24) / 2 : boardWidth) - 34);
  card.append(h("figure", { class: "chart" }, chart(g, colours, chartWidth, single ? 360 : 230)));
  const notes = groupNotes(g, colours);
  if (notes) card.append(notes);
  const table = figureTable(g, colours, names);
  card.append(
    single
      ? table
      : h("details", null, h("summary", null, `Figures and sources (${g.figures.length})`), table),
  );
  return card;
}

function sortByDate(list: readonly GroupFigure[]): GroupFigure[] {
  return [...list].sort((a, b) => (dateOf(a) ?? "").localeCompare(dateOf(b) ?? ""));
}

const dateOf = (f: GroupFigure) => f.date ?? f.publishedAt;
const sameFigure = (f: GroupFigure, r: FigureRef) => f.document === r.document && f.figure === r.figure;

/** The chart: x = date stated, y = value, one colour per claimant. */
function chart(g: FigureGroupDetail, colours: ColourKeys, width: number, height: number): Element {
  const dated = g.figures.filter((f) => dateOf(f));
  const times = dated.map((f) => Date.parse(dateOf(f)!));
  const span = Math.max(DAY, Math.max(...times) - Math.min(...times));
  const claimants = new Set(dated.map((f) => f.speakerEntity ?? speakerName(f.speaker)));
  // Claimants side by side around the true date, by a hair of the time axis.
  const nudge = (key: string) => (colours.index(key) - (claimants.size - 1) / 2) * span * 0.012;
  const points: Point[] = dated.map((f) => {
    const key = f.speakerEntity ?? speakerName(f.speaker);
    const y = f.value ?? (f.low != null && f.high != null ? (f.low + f.high) / 2 : (f.low ?? f.high ?? 0));
    return {
      figure: f,
      x: new Date(Date.parse(dateOf(f)!) + nudge(key)),
      y,
      key,
      colour: colours.colour(key),
      href: figureHref(f),
      label: `${speakerName(f.speaker)}: ${figureValue(f)} on ${dateOf(f)}${f.superseded ? " (superseded)" : ""} — open the sentence in ${f.outlet ?? "the article"}`,
    };
  });
  const top = Math.max(1, ...dated.map((f) => Math.max(f.value ?? 0, f.high ?? 0, f.low ?? 0)));
  const arrowLength = top * 0.14;
  const ranges = points.filter((p) => p.figure.low != null && p.figure.high != null);
  const bounds = points.filter(
    (p) =>
      ["at_least", "more_than", "at_most", "less_than"].includes(p.figure.qualifier) &&
      p.figure.value != null,
  );
  const pointAt = (r: FigureRef) => points.find((p) => sameFigure(p.figure, r));
  const steps = g.revisions.flatMap((r) => {
    const from = pointAt(r.fromFigure);
    const to = pointAt(r.toFigure);
    return from && to ? [{ from, to }] : [];
  });
  // A revision made on the day of the value it replaces ("initially said 63 … now 89") would draw its step on
  // top of itself: the old value is moved a little to the left so the step shows.
  for (const { from, to } of steps)
    if (from.x.getTime() >= to.x.getTime()) from.x = new Date(to.x.getTime() - span * 0.04);
  const replaced = new Set(steps.map((s) => s.from));
  const opacity = (p: Point) => (p.figure.superseded || replaced.has(p) ? 0.35 : 1);
  const hollow = (p: Point) => ["approximate", "range", "vague"].includes(p.figure.qualifier);

  const svg = Plot.plot({
    width,
    height,
    marginLeft: 48,
    marginRight: 16,
    ariaLabel: `${g.label}: figures over time`,
    style: { fontSize: "11px", background: "transparent" },
    x: {
      type: "utc",
      label: null,
      inset: 24,
      ticks: span <= 14 * DAY ? "day" : span <= 120 * DAY ? "week" : "month",
      tickFormat: span <= 120 * DAY ? "%b %-d" : "%b %Y",
    },
    y: {
      domain: [0, top * 1.2],
      grid: true,
      nice: true,
      label: g.unitKind === "share" ? "%" : g.measure,
      tickFormat: top >= 10_000 ? (d: number) => COMPACT.format(d) : (d: number) => num(d),
    },
    marks: [
      Plot.ruleY([0], { stroke: "#888" }),
      Plot.ruleX(ranges, {
        x: "x",
        y1: (p: Point) => p.figure.low,
        y2: (p: Point) => p.figure.high,
        stroke: "colour",
        strokeWidth: 4,
        strokeOpacity: (p: Point) => 0.45 * opacity(p),
      }),
      Plot.arrow(bounds, {
        x1: "x",
        x2: "x",
        y1: "y",
        y2: (p: Point) =>
          UPWARD.has(p.figure.qualifier) ? p.y + arrowLength : Math.max(0, p.y - arrowLength),
        stroke: "colour",
        strokeWidth: 2,
        strokeOpacity: (p: Point) => 0.8 * opacity(p),
        headLength: 7,
      }),
      Plot.link(steps, {
        x1: (s: { from: Point }) => s.from.x,
        y1: (s: { from: Point }) => s.from.y,
        x2: (s: { to: Point }) => s.to.x,
        y2: (s: { to: Point }) => s.to.y,
        curve: "step-after",
        stroke: (s: { to: Point }) => s.to.colour,
        strokeWidth: 2.5,
        strokeDasharray: "5,3",
        markerEnd: "arrow",
      }),
      Plot.dot(points, {
        x: "x",
        y: "y",
        r: 5.5,
        stroke: "colour",
        strokeWidth: 2,
        fill: (p: Point) => (hollow(p) ? "white" : p.colour),
        fillOpacity: opacity,
        strokeOpacity: opacity,
        href: "href",
        title: "label",
        ariaLabel: "label",
      }),
      Plot.text(uniqueLabels(points), {
        x: "x",
        y: "y",
        text: (p: Point) => figureValue(p.figure),
        dy: -11,
        fill: "#222",
        fillOpacity: opacity,
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  });
  // Plot adds a <style> element; the page's CSP forbids inline styles, so its rules live in our stylesheet.
  svg.querySelectorAll("style").forEach((s) => s.remove());
  svg.classList.add("group-chart");
  return svg;
}

/** One value label per day and value (the same 89 reported by four outlets is labelled once). */
function uniqueLabels(points: Point[]): Point[] {
  const seen = new Set<string>();
  return points.filter((p) => {
    const k = `${dateOf(p.figure)}|${figureValue(p.figure)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The revisions and disputes, in words. */
function groupNotes(g: FigureGroupDetail, colours: ColourKeys): HTMLElement | null {
  if (!g.revisions.length && !g.disputes.length) return null;
  const valueOf = (r: FigureRef) => {
    const f = g.figures.find((x) => sameFigure(x, r));
    return f ? figureValue(f) : "?";
  };
  // The disputes between the claimants who gave the most figures come first; a claimant is its ledger entity
  // where it has one, so "Ukraine’s military" and "Ukraine’s armed forces" weigh together.
  const claimant = (f: FigureGroupDetail["figures"][number]) => f.speakerEntity ?? speakerName(f.speaker);
  const weight = new Map<string, number>();
  for (const f of g.figures) weight.set(claimant(f), (weight.get(claimant(f)) ?? 0) + 1);
  const weightOf = (d: FigureGroupDetail["disputes"][number]) =>
    d.figures.reduce((n, r) => {
      const f = g.figures.find((x) => sameFigure(x, r));
      return n + (f ? (weight.get(claimant(f)) ?? 0) : 0);
    }, 0);
  const disputes = [...g.disputes].sort((a, b) => weightOf(b) - weightOf(a));
  return h(
    "ul",
    { class: "notes" },
    g.revisions.map((r) =>
      h(
        "li",
        { class: "revision" },
        h("span", {
          class: `swatch spk-${colours.index(g.figures.find((f) => sameFigure(f, r.toFigure))?.speakerEntity ?? speakerName(r.speaker))}`,
          "aria-hidden": "true",
        }),
        `Revised by ${speakerName(r.speaker)}: ${num(r.from)} → ${num(r.to)}`,
        r.date ? ` (${r.date})` : "",
      ),
    ),
    disputes
      .slice(0, DISPUTES_SHOWN)
      .map((d) =>
        h(
          "li",
          { class: "dispute" },
          "Disputed: ",
          d.speakers.map((s, i) => `${s.name} (${d.figures[i] ? valueOf(d.figures[i]!) : "?"})`).join(" vs "),
        ),
      ),
    disputes.length > DISPUTES_SHOWN
      ? h("li", { class: "dispute" }, `and ${disputes.length - DISPUTES_SHOWN} more disputes (see the table)`)
      : null,
  );
}

function figureTable(g: FigureGroupDetail, colours: ColourKeys, names: Map<string, string>): HTMLElement {
  return h(
    "table",
    { class: "data figures" },
    h("caption", { class: "visually-hidden" }, `Figures in ${g.label}`),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        ["Date", "Claimant", "Figure", "Source", "Status"].map((c) => h("th", { scope: "col" }, c)),
      ),
    ),
    h(
      "tbody",
      null,
      sortByDate(g.figures).map((f) => {
        const key = f.speakerEntity ?? speakerName(f.speaker);
        const revised = g.revisions.find((r) => sameFigure(f, r.toFigure));
        return h(
          "tr",
          { class: f.superseded ? "superseded" : null },
          h("td", null, dateOf(f) ?? "undated"),
          h(
            "td",
            null,
            h("span", { class: `swatch spk-${colours.index(key)}`, "aria-hidden": "true" }),
            f.speakerEntity
              ? link(route(["entities", f.speakerEntity]), names.get(key) ?? speakerName(f.speaker))
              : speakerName(f.speaker),
            f.speaker && names.get(key) !== f.speaker.name
              ? h("span", { class: "muted" }, ` (“${f.speaker.name}”)`)
              : null,
            f.via.length ? h("div", { class: "muted small" }, relayChain(f.via)) : null,
          ),
          h(
            "td",
            null,
            link(figureHref(f), figureValue(f)),
            h("div", { class: "muted small" }, `“${f.text}”`),
          ),
          h(
            "td",
            null,
            f.outlet ?? "",
            f.documentTitle ? h("div", { class: "muted small" }, f.documentTitle) : null,
          ),
          h("td", null, f.superseded ? "superseded" : revised ? `revised from ${num(revised.from)}` : ""),
        );
      }),
    ),
  );
}
