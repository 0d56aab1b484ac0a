/** Figure groups: the board's list (disputed first) and one group with its figures in context. */
import type { Hono } from "hono";
import { listFigureGroups, loadFigureGroup } from "../../store/read/figure-groups.js";
import { HttpError } from "../errors.js";
import { bool, id, pageOf, pathId, text } from "../params.js";
import { queryOf, windowOf, type RouteContext } from "./context.js";

export function figureGroupRoutes(app: Hono, { db }: RouteContext): void {
  app.get("/api/figure-groups", async (c) => {
    const q = queryOf(c);
    const p = windowOf(c);
    const filter = {
      event: id(q("event"), "event", "event"),
      measure: text(q("measure"), "measure"),
      disputed: bool(q("disputed"), "disputed"),
      q: text(q("q"), "q"),
    };
    const { items, total } = await listFigureGroups(db, filter, p);
    return c.json(pageOf(items, total, p));
  });

  app.get("/api/figure-groups/:id", async (c) => {
    const groupId = pathId(c.req.param("id"), "group");
    const group = await loadFigureGroup(db, groupId);
    if (!group) throw new HttpError(404, "not_found", `no figure group ${groupId}`);
    return c.json(group);
  });
}
