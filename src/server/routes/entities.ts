/** Entities: the list (most-quoted first) and one entity; its statements and figures are filters of their lists. */
import type { Hono } from "hono";
import type { EntityType } from "../../model/claims.js";
import { listEntities, loadEntity } from "../../store/read/entities.js";
import { HttpError } from "../errors.js";
import { oneOf, pageOf, pathId, text } from "../params.js";
import { queryOf, windowOf, type RouteContext } from "./context.js";

export const ENTITY_TYPES: readonly EntityType[] = [
  "person",
  "organization",
  "country",
  "place",
  "group",
  "outlet",
  "platform",
];

export function entityRoutes(app: Hono, { db }: RouteContext): void {
  app.get("/api/entities", async (c) => {
    const q = queryOf(c);
    const p = windowOf(c);
    const filter = { type: oneOf(q("type"), "type", ENTITY_TYPES), q: text(q("q"), "q") };
    const { items, total } = await listEntities(db, filter, p);
    return c.json(pageOf(items, total, p));
  });

  app.get("/api/entities/:id", async (c) => {
    const entityId = pathId(c.req.param("id"), "entity");
    const entity = await loadEntity(db, entityId);
    if (!entity) throw new HttpError(404, "not_found", `no entity ${entityId}`);
    return c.json(entity);
  });
}
