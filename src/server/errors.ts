import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A client mistake, answered with a 4xx JSON body `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}
