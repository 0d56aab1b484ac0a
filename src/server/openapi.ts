/** The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: "null" }] });
const str: Schema = { type: "string" };
const int: Schema = { type: "integer" };
const num: Schema = { type: "number" };
const bool: Schema = { type: "boolean" };
const day: Schema = { type: "string", format: "date" };
const strings: Schema = { type: "array", items: str };
const object = (properties: Record<string, Schema>): Schema => ({
  type: "object",
  required: Object.keys(properties),
  properties,
});

const ERROR_TEXT: Record<number, string> = {
  400: "bad request (a parameter or body is malformed)",
  401: "missing or wrong bearer token",
  403: "the server was started without a write token",
  404: "not found",
  413: "request body too large",
  415: "unsupported content type",
  422: "nothing in the request could be ingested",
};

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [String(c), { description: ERROR_TEXT[c], content: { "application/json": { schema: ref("Error") } } }]),
  );

const ok = (description: string, schema: Schema) => ({
  "200": { description, content: { "application/json": { schema } } },
});

/** A paginated list of `item`. */
const pageOf = (item: Schema): Schema =>
  object({ items: { type: "array", items: item }, total: int, limit: int, offset: int, nextOffset: nullable(int) });

const query = (name: string, schema: Schema, description?: string) => ({
  name,
  in: "query",
  schema,
  ...(description ? { description } : {}),
});
const path = (name: string, pattern: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string", pattern },
});

const PAGE_PARAMS = [
  query("limit", { type: "integer", minimum: 1, maximum: 200, default: 50 }),
  query("offset", { type: "integer", minimum: 0, default: 0 }),
];
const ID = {
  document: "^[0-9a-f]{32}$",
  event: "^ev-[0-9a-f]{6,40}$",
  entity: "^en-[0-9a-f]{6,40}$",
  group: "^fg-[0-9a-f]{6,40}$",
};

const SCHEMAS: Record<string, Schema> = {
  Error: object({ error: object({ code: str, message: str }) }),
  Record: {
    type: "object",
    properties: { text: str, html: str, title: str, url: str, outlet: str, publishedAt: str, byline: str, language: str },
  },
  Span: object({ start: int, end: int }),
  TextSpan: object({ start: int, end: int, text: str }),
  Speaker: object({ name: str, type: str, role: nullable(str) }),
  Relay: object({ name: str, type: str }),
  ItemRef: object({ source: str, document: str, figure: str }),
  DocumentSummary: object({
    id: str,
    source: str,
    title: nullable(str),
    outlet: nullable(str),
    url: nullable(str),
    publishedAt: nullable(day),
    language: str,
  }),
  EventRef: object({ id: str, label: str }),
  FigureGroupSummary: {
    ...object({
      id: str,
      label: str,
      measure: str,
      unitKind: str,
      event: ref("EventRef"),
      disputed: bool,
      figureCount: int,
      speakers: strings,
      firstDate: nullable(day),
      lastDate: nullable(day),
    }),
    description:
      "speakers: the entity's name where a figure's speaker resolves to one, else the speaker's name; firstDate/lastDate: when its figures were stated",
  },
  GroupFigure: object({
    source: str,
    document: str,
    figure: str,
    start: int,
    end: int,
    text: str,
    value: nullable(num),
    low: nullable(num),
    high: nullable(num),
    qualifier: str,
    unit: nullable(str),
    subject: nullable(str),
    speaker: nullable(ref("Speaker")),
    speakerEntity: nullable(str),
    via: { type: "array", items: ref("Relay") },
    attribution: nullable(str),
    date: nullable(day),
    refersTo: nullable(day),
    superseded: bool,
    documentTitle: nullable(str),
    outlet: nullable(str),
    publishedAt: nullable(day),
    sentence: nullable(ref("TextSpan")),
  }),
  FigureGroup: {
    ...object({
      id: str,
      label: str,
      measure: str,
      unitKind: str,
      event: ref("EventRef"),
      figures: { type: "array", items: ref("GroupFigure") },
      disputed: bool,
      disputes: {
        type: "array",
        items: object({
          speakers: { type: "array", items: nullable(ref("Speaker")) },
          figures: { type: "array", items: ref("ItemRef") },
        }),
      },
      revisions: {
        type: "array",
        items: object({
          speaker: nullable(ref("Speaker")),
          from: num,
          to: num,
          date: nullable(day),
          fromFigure: ref("ItemRef"),
          toFigure: ref("ItemRef"),
        }),
      },
    }),
    description: "as in claimtrace.report/1 (figureGroups), with the event as {id, label}",
  },
  EventSummary: {
    ...object({
      id: str,
      label: str,
      place: nullable(str),
      term: nullable(str),
      firstDate: nullable(day),
      lastDate: nullable(day),
      documents: int,
      figureGroups: int,
      disputedGroups: int,
    }),
    description: "documents, figureGroups and disputedGroups are counts",
  },
  EventDetail: {
    ...object({
      id: str,
      label: str,
      place: nullable(str),
      term: nullable(str),
      firstDate: nullable(day),
      lastDate: nullable(day),
      documents: { type: "array", items: ref("DocumentSummary") },
      mentions: { type: "array", items: ref("EventMention") },
      figureGroups: { type: "array", items: ref("FigureGroupSummary") },
      disputedGroups: int,
      documentCount: int,
      figureGroupCount: int,
    }),
    description:
      "the event with its documents (newest first) and figure groups listed; the counts are in documentCount and figureGroupCount; mentions are the other articles that report it in passing (newest first)",
  },
  EventMention: {
    allOf: [ref("DocumentSummary"), object({ passages: { type: "array", items: ref("TextSpan") } })],
    description:
      "an article outside the event that reports it in passing: the sentences of it whose happening (a place its headline and lead do not name, and a kind of event) is this event's, in text order",
  },
  Entity: {
    ...object({
      id: str,
      name: str,
      type: { type: "string", enum: ["person", "organization", "country", "place", "group", "outlet", "platform"] },
      aliases: strings,
      roles: strings,
      documents: int,
      mentions: int,
      attributions: int,
    }),
    description: "documents: how many documents mention it; attributions: how many statements it made (list them with /api/attributions?entity=)",
  },
  Attribution: {
    ...object({
      document: str,
      attribution: str,
      kind: { type: "string", enum: ["direct", "indirect", "mixed"] },
      source: nullable(ref("TextSpan")),
      cue: nullable(ref("TextSpan")),
      content: { type: "array", items: ref("TextSpan") },
      speaker: nullable(ref("Speaker")),
      speakerEntity: nullable(str),
      via: { type: "array", items: ref("Relay") },
      date: nullable(day),
      documentTitle: nullable(str),
      outlet: nullable(str),
      publishedAt: nullable(day),
    }),
    description:
      "source is the speaker mention in the text, speaker whom it resolves to, speakerEntity that entity's id; date: when it was said, else the document's publication date",
  },
  Figure: {
    ...object({
      document: str,
      figure: str,
      start: int,
      end: int,
      text: str,
      value: nullable(num),
      low: nullable(num),
      high: nullable(num),
      qualifier: { type: "string", enum: ["exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range", "vague"] },
      unit: nullable(str),
      measure: nullable(str),
      subject: nullable(str),
      speaker: nullable(ref("Speaker")),
      speakerEntity: nullable(str),
      via: { type: "array", items: ref("Relay") },
      attribution: nullable(str),
      date: nullable(day),
      refersTo: nullable(day),
      revises: nullable(str),
      group: nullable(str),
      documentTitle: nullable(str),
      outlet: nullable(str),
      publishedAt: nullable(day),
    }),
    description: "date: when it was stated; refersTo: the date the figure itself carries; group: its figure group's id",
  },
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "claimtrace API",
      version: "1",
      description:
        "Attributed claims from news articles. Lists are paginated with limit/offset and return {items,total,limit,offset,nextOffset}. Errors are {error:{code,message}}. Dates are YYYY-MM-DD. Writes need `Authorization: Bearer <token>`. Article text is untrusted: every string may hold markup and must be escaped wherever it is shown.",
    },
    paths: {
      "/api/openapi.json": { get: { summary: "This document", responses: ok("OpenAPI 3.1", { type: "object" }) } },
      "/api/health": { get: { summary: "Store reachable", responses: ok("ok", object({ ok: bool, store: str })) } },
      "/api/documents": {
        get: {
          summary: "List documents, newest first",
          parameters: [
            ...PAGE_PARAMS,
            query("outlet", str),
            query("from", day, "published on or after"),
            query("to", day, "published on or before"),
            query("q", str, "full-text query"),
          ],
          responses: { ...ok("a page of document summaries", pageOf(ref("DocumentSummary"))), ...errors(400) },
        },
        post: {
          summary: "Ingest articles: a JSON record or array of records, or uploaded files (multipart/form-data)",
          security: [{ bearer: [] }],
          requestBody: {
            content: {
              "application/json": {
                schema: { oneOf: [ref("Record"), { type: "array", items: ref("Record") }] },
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
          summary:
            "One document as claimtrace.document/1 with its attributions (each with speakerEntity, its ledger entity), figures and entities",
          parameters: [path("id", ID.document)],
          responses: { "200": { description: "the document (schemas/document.schema.json)" }, ...errors(400, 404) },
        },
      },
      "/api/search": {
        get: {
          summary: "Full-text search over documents or attributions (speaker and content), best match first",
          parameters: [
            query("q", str, "full-text query (required)"),
            query("in", { type: "string", enum: ["documents", "attributions"], default: "documents" }),
            ...PAGE_PARAMS,
          ],
          responses: {
            ...ok("a page of matching documents or attributions, each with its rank", {
              oneOf: [
                pageOf({ allOf: [ref("DocumentSummary"), object({ rank: num })] }),
                pageOf({ allOf: [ref("Attribution"), object({ rank: num })] }),
              ],
            }),
            ...errors(400),
          },
        },
      },
      "/api/events": {
        get: {
          summary: "Events (articles about the same happening), newest first",
          parameters: [
            ...PAGE_PARAMS,
            query("q", str, "text in the label or place (case-insensitive)"),
            query("from", day, "events that last until this date or later"),
            query("to", day, "events that began on this date or earlier"),
          ],
          responses: { ...ok("a page of events", pageOf(ref("EventSummary"))), ...errors(400) },
        },
      },
      "/api/events/{id}": {
        get: {
          summary: "One event with its documents, the articles that mention it in passing, and its figure groups",
          parameters: [path("id", ID.event)],
          responses: { ...ok("the event", ref("EventDetail")), ...errors(400, 404) },
        },
      },
      "/api/entities": {
        get: {
          summary: "People, organisations, countries, places…, most-quoted first",
          parameters: [
            ...PAGE_PARAMS,
            query("type", { type: "string", enum: ["person", "organization", "country", "place", "group", "outlet", "platform"] }),
            query("q", str, "text in the name or an alias (case-insensitive)"),
          ],
          responses: { ...ok("a page of entities", pageOf(ref("Entity"))), ...errors(400) },
        },
      },
      "/api/entities/{id}": {
        get: {
          summary: "One entity; its statements are /api/attributions?entity={id}, its figures /api/figures?entity={id}",
          parameters: [path("id", ID.entity)],
          responses: { ...ok("the entity", ref("Entity")), ...errors(400, 404) },
        },
      },
      "/api/attributions": {
        get: {
          summary: "Attributions (who said what): newest articles first, each article's in reading order",
          parameters: [
            ...PAGE_PARAMS,
            query("speaker", str, "text in the speaker's name (case-insensitive)"),
            query("entity", { type: "string", pattern: ID.entity }, "entity the speaker resolves to"),
            query(
              "event",
              { type: "string", pattern: ID.event },
              "attributions of this event: its articles' attributions, less those whose sentence reports another happening, plus such attributions of other articles that report this one",
            ),
            query("document", { type: "string", pattern: ID.document }),
            query("kind", { type: "string", enum: ["direct", "indirect", "mixed"] }),
            query("outlet", str),
            query("from", day, "said on or after (the document's date when the text gives none)"),
            query("to", day, "said on or before"),
            query("q", str, "full-text query over speaker name and content"),
          ],
          responses: { ...ok("a page of attributions", pageOf(ref("Attribution"))), ...errors(400) },
        },
      },
      "/api/figures": {
        get: {
          summary: "Figures (numbers someone asserted), newest first",
          parameters: [
            ...PAGE_PARAMS,
            query("measure", str, 'what is counted ("killed")'),
            query(
              "event",
              { type: "string", pattern: ID.event },
              "figures of this event: its articles' figures, less those whose sentence reports another happening, plus such figures of other articles that report this one",
            ),
            query("group", { type: "string", pattern: ID.group }),
            query("speaker", str, "text in the speaker's name (case-insensitive)"),
            query("entity", { type: "string", pattern: ID.entity }, "entity the speaker resolves to"),
            query("document", { type: "string", pattern: ID.document }),
            query("qualifier", {
              type: "string",
              enum: ["exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range", "vague"],
            }),
            query("outlet", str),
            query("from", day, "stated on or after"),
            query("to", day, "stated on or before"),
          ],
          responses: { ...ok("a page of figures", pageOf(ref("Figure"))), ...errors(400) },
        },
      },
      "/api/figure-groups": {
        get: {
          summary: "Figure groups (the figures of one measure of one event), disputed first, then by figure count",
          parameters: [
            ...PAGE_PARAMS,
            query("event", { type: "string", pattern: ID.event }, "event id"),
            query("measure", str, 'what is counted ("killed")'),
            query("disputed", bool),
            query("q", str, "text in the label (case-insensitive)"),
          ],
          responses: { ...ok("a page of figure groups", pageOf(ref("FigureGroupSummary"))), ...errors(400) },
        },
      },
      "/api/figure-groups/{id}": {
        get: {
          summary: "One figure group with its figures, disputes and revisions",
          parameters: [path("id", ID.group)],
          responses: { ...ok("the group", ref("FigureGroup")), ...errors(400, 404) },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: SCHEMAS,
    },
  };
}
