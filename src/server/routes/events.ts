/** Events: the list (newest first) and one event with its documents and figure groups. */
import type { Hono } from "hono";
import { listEvents, loadEvent } from "../../store/read/events.js";
import { HttpError } from "../errors.js";
import { dateRange, pageOf, pathId, text } from "../params.js";
import { queryOf, windowOf, type RouteContext } from "./context.js";

export function eventRoutes(app: Hono, { db }: RouteContext): void {
  app.get("/api/events", async (c) => {
    const q = queryOf(c);
    const p = windowOf(c);
    const { items, total } = await listEvents(db, { q: text(q("q"), "q"), ...dateRange(q) }, p);
    return c.json(pageOf(items, total, p));
  });

  app.get("/api/events/:id", async (c) => {
    const eventId = pathId(c.req.param("id"), "event");
    const event = await loadEvent(db, eventId);
    if (!event) throw new HttpError(404, "not_found", `no event ${eventId}`);
    return c.json(event);
  });
}
