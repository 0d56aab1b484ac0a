/** Figures: every number someone asserted, filtered by measure, event, group, speaker, entity, document and more. */
import type { Hono } from "hono";
import type { Qualifier } from "../../model/claims.js";
import { listFigures } from "../../store/read/figures.js";
import { dateRange, id, oneOf, pageOf, text } from "../params.js";
import { queryOf, windowOf, type RouteContext } from "./context.js";

export const QUALIFIERS: readonly Qualifier[] = [
  "exact",
  "approximate",
  "at_least",
  "more_than",
  "at_most",
  "less_than",
  "range",
  "vague",
];

export function figureRoutes(app: Hono, { db }: RouteContext): void {
  app.get("/api/figures", async (c) => {
    const q = queryOf(c);
    const p = windowOf(c);
    const filter = {
      measure: text(q("measure"), "measure"),
      event: id(q("event"), "event", "event"),
      group: id(q("group"), "group", "group"),
      speaker: text(q("speaker"), "speaker"),
      entity: id(q("entity"), "entity", "entity"),
      document: id(q("document"), "document", "document"),
      qualifier: oneOf(q("qualifier"), "qualifier", QUALIFIERS),
      outlet: text(q("outlet"), "outlet"),
      ...dateRange(q),
    };
    const { items, total } = await listFigures(db, filter, p);
    return c.json(pageOf(items, total, p));
  });
}
