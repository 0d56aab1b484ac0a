import { ApiError, api, postDocuments, type DocumentDetail, type IngestResult } from "../api.js";
import { errorBox, h, link, replace, route } from "../dom.js";
import { contentText, figureValue, quoted, relayChain, speakerName } from "../format.js";
import type { RouteContext } from "../router.js";
import { field } from "../widgets.js";

const TOKEN_KEY = "claimtrace.token";

/** Paste an article (or choose files), send it to POST /api/documents, and show what was found in it. */
export function ingestPage({ main }: RouteContext): void {
  document.title = "Ingest — claimtrace";
  const title = h("input", { type: "text", name: "title" });
  const outlet = h("input", { type: "text", name: "outlet" });
  const published = h("input", { type: "date", name: "publishedAt" });
  const url = h("input", { type: "url", name: "url" });
  const text = h("textarea", { name: "text", rows: "8" });
  const files = h("input", {
    type: "file",
    name: "files",
    multiple: true,
    accept: ".txt,.text,.html,.htm,.json,.jsonl,.ndjson",
  });
  const token = h("input", {
    type: "password",
    name: "token",
    autocomplete: "off",
    value: sessionStorage.getItem(TOKEN_KEY) ?? "",
  });
  const submit = h("button", { type: "submit" }, "Analyse and store");
  const result = h("section", { class: "ingest-result", "aria-live": "polite", "aria-label": "Result" });

  const form = h(
    "form",
    { class: "ingest-form" },
    h(
      "fieldset",
      null,
      h("legend", null, "Paste an article"),
      field("Title", title),
      h("div", { class: "row" }, field("Outlet", outlet), field("Published", published), field("URL", url)),
      field("Text", text, "plain text; the first line is the title when none is given"),
    ),
    h(
      "fieldset",
      null,
      h("legend", null, "…or choose files"),
      field("Files", files, ".txt, .html, .json or .jsonl; fields above are not used for files"),
    ),
    field("Write token", token, "the token the server was started with; kept for this browser tab only"),
    submit,
  );

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void (async () => {
      sessionStorage.setItem(TOKEN_KEY, token.value);
      const chosen = [...(files.files ?? [])];
      if (!chosen.length && !text.value.trim()) {
        replace(result, errorBox("Paste some text or choose a file first."));
        return;
      }
      let body: FormData | string;
      if (chosen.length) {
        body = new FormData();
        for (const f of chosen) body.append("file", f, f.name);
      } else {
        const record: Record<string, string> = { text: text.value };
        if (title.value.trim()) record.title = title.value.trim();
        if (outlet.value.trim()) record.outlet = outlet.value.trim();
        if (published.value) record.publishedAt = published.value;
        if (url.value.trim()) record.url = url.value.trim();
        body = JSON.stringify(record);
      }
      submit.disabled = true;
      replace(result, h("p", null, "Analysing…"));
      try {
        const answer = await postDocuments(body, token.value);
        await showResult(result, answer);
      } catch (err) {
        replace(result, errorBox(describe(err)));
      } finally {
        submit.disabled = false;
      }
    })();
  });

  replace(
    main,
    h("h1", { tabindex: "-1" }, "Ingest"),
    h(
      "p",
      { class: "muted" },
      "The article is cleaned, segmented, analysed and linked into the ledger, as claimtrace ingest does.",
    ),
    h("div", { class: "ingest" }, form, result),
  );
}

function describe(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return "The write token is wrong (401).";
    if (err.status === 403)
      return "This server is read-only: start it with --token (or CLAIMTRACE_TOKEN) to allow ingestion.";
    return `${err.message} (${err.status})`;
  }
  return (err as Error).message;
}

async function showResult(box: HTMLElement, answer: IngestResult): Promise<void> {
  const details: DocumentDetail[] = [];
  for (const d of answer.documents) details.push(await api.document(d.id));
  replace(
    box,
    h(
      "h2",
      null,
      `Stored ${answer.stored} new, ${answer.duplicates} already stored, ${answer.rejected} rejected`,
    ),
    answer.errors.length
      ? h(
          "ul",
          { class: "errors" },
          answer.errors.map((e) => h("li", { class: "error" }, `${e.input}: ${e.reason}`)),
        )
      : null,
    details.map((doc, i) => analysed(doc, answer.documents[i]!.outcome)),
  );
}

/** What the pipeline found in one document: its attributions and figures, and a link to read it. */
function analysed(doc: DocumentDetail, outcome: string): HTMLElement {
  return h(
    "article",
    { class: "analysed" },
    h("h3", null, link(route(["documents", doc.id]), doc.title ?? doc.source)),
    h(
      "p",
      { class: "muted small" },
      [
        outcome,
        doc.outlet,
        doc.publishedAt ?? "undated",
        `${doc.sentences.length} sentences`,
        `${doc.excluded.length} excluded regions`,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
    h("h4", null, `Attributions (${doc.attributions.length})`),
    h(
      "ul",
      { class: "attribution-list" },
      doc.attributions.map((a) =>
        h(
          "li",
          null,
          h("strong", null, speakerName(a.speaker)),
          a.cue ? ` ${a.cue.text}: ` : ": ",
          quoted(contentText(a.content)),
          a.via.length ? h("span", { class: "muted" }, ` (${relayChain(a.via)})`) : null,
        ),
      ),
    ),
    h("h4", null, `Figures (${doc.figures.length})`),
    h(
      "ul",
      null,
      doc.figures.map((f) =>
        h(
          "li",
          null,
          `${figureValue(f)} `,
          h("span", { class: "muted" }, [f.measure, f.subject, f.speaker?.name].filter(Boolean).join(" · ")),
        ),
      ),
    ),
  );
}
