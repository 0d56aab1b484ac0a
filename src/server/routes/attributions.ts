/** Attributions: who said what, filtered by speaker, entity, event, document, kind, outlet, date and text. */
import type { Hono } from "hono";
import { listAttributions } from "../../store/read/attributions.js";
import { dateRange, id, oneOf, pageOf, text } from "../params.js";
import { queryOf, windowOf, type RouteContext } from "./context.js";

export const ATTRIBUTION_KINDS = ["direct", "indirect", "mixed"] as const;

export function attributionRoutes(app: Hono, { db }: RouteContext): void {
  app.get("/api/attributions", async (c) => {
    const q = queryOf(c);
    const p = windowOf(c);
    const filter = {
      speaker: text(q("speaker"), "speaker"),
      entity: id(q("entity"), "entity", "entity"),
      event: id(q("event"), "event", "event"),
      document: id(q("document"), "document", "document"),
      kind: oneOf(q("kind"), "kind", ATTRIBUTION_KINDS),
      outlet: text(q("outlet"), "outlet"),
      ...dateRange(q),
      q: text(q("q"), "q"),
    };
    const { items, total } = await listAttributions(db, filter, p);
    return c.json(pageOf(items, total, p));
  });
}
