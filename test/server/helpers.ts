import assert from "node:assert/strict";
import type { Hono } from "hono";

/** A parsed JSON answer (its shape is what the tests check). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer {
  status: number;
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** GET on the app: status, content type and the parsed JSON body (every API answer must be JSON). */
export async function getJson(app: Hono, path: string): Promise<Answer> {
  const res = await app.request(path);
  const type = res.headers.get("content-type") ?? "";
  assert.match(type, /^application\/json/, `${path} answers JSON`);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
  return { status: res.status, type, body: await res.json() };
}

/** Reads every page of a list with the given page size, checking the paging fields on the way. */
export async function allPages(app: Hono, path: string, limit: number): Promise<unknown[]> {
  const items: unknown[] = [];
  let offset: number | null = 0;
  const sep = path.includes("?") ? "&" : "?";
  while (offset !== null) {
    const { status, body } = await getJson(app, `${path}${sep}limit=${limit}&offset=${offset}`);
    assert.equal(status, 200, path);
    assert.equal(body.limit, limit);
    assert.equal(body.offset, offset);
    assert.ok(body.items.length <= limit);
    items.push(...body.items);
    offset = body.nextOffset;
    if (offset !== null) assert.equal(offset, items.length);
    else assert.equal(body.total, items.length, `${path}: total is the number of items over all pages`);
  }
  return items;
}
