/** The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. */
export function openApiDocument() {
  const error = { $ref: "#/components/schemas/Error" };
  const errors = (...codes: number[]) =>
    Object.fromEntries(
      codes.map((c) => [
        String(c),
        { description: ERROR_TEXT[c], content: { "application/json": { schema: error } } },
      ]),
    );
  const pageParams = [
    { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
    { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
  ];
  return {
    openapi: "3.1.0",
    info: {
      title: "claimtrace API",
      version: "1",
      description:
        "Attributed claims from news articles. Lists are paginated with limit/offset and return {items,total,limit,offset,nextOffset}. Errors are {error:{code,message}}. Writes need `Authorization: Bearer <token>`.",
    },
    paths: {
      "/api/health": { get: { summary: "Store reachable", responses: { "200": { description: "ok" } } } },
      "/api/documents": {
        get: {
          summary: "List documents, newest first",
          parameters: [
            ...pageParams,
            { name: "outlet", in: "query", schema: { type: "string" } },
            {
              name: "from",
              in: "query",
              schema: { type: "string", format: "date" },
              description: "published on or after",
            },
            {
              name: "to",
              in: "query",
              schema: { type: "string", format: "date" },
              description: "published on or before",
            },
            { name: "q", in: "query", schema: { type: "string" }, description: "full-text query" },
          ],
          responses: { "200": { description: "a page of document summaries" }, ...errors(400) },
        },
        post: {
          summary:
            "Ingest articles: a JSON record or array of records, or uploaded files (multipart/form-data)",
          security: [{ bearer: [] }],
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  oneOf: [
                    { $ref: "#/components/schemas/Record" },
                    { type: "array", items: { $ref: "#/components/schemas/Record" } },
                  ],
                },
              },
              "multipart/form-data": {
                schema: { type: "object", additionalProperties: { type: "string", format: "binary" } },
              },
            },
          },
          responses: {
            "201": { description: "stored (or found already stored); per-input errors listed" },
            ...errors(400, 401, 403, 413, 415, 422),
          },
        },
      },
      "/api/documents/{id}": {
        get: {
          summary: "One document as claimtrace.document/1",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-f]{32}$" } },
          ],
          responses: { "200": { description: "the document" }, ...errors(400, 404) },
        },
      },
      "/api/search": {
        get: {
          summary: "Full-text search over documents, best match first",
          parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }, ...pageParams],
          responses: { "200": { description: "a page of matching documents with rank" }, ...errors(400) },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" } },
            },
          },
        },
        Record: {
          type: "object",
          properties: {
            text: { type: "string" },
            html: { type: "string" },
            title: { type: "string" },
            url: { type: "string" },
            outlet: { type: "string" },
            publishedAt: { type: "string" },
          },
        },
      },
    },
  };
}

const ERROR_TEXT: Record<number, string> = {
  400: "bad request (a parameter or body is malformed)",
  401: "missing or wrong bearer token",
  403: "the server was started without a write token",
  404: "not found",
  413: "request body too large",
  415: "unsupported content type",
  422: "nothing in the request could be ingested",
};
