import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Exclusion, PublishedAtSource } from "../model/document.js";
import { isoDate } from "./dates.js";

export interface HtmlExtract {
  text: string;
  /** Regions the page's own structure marks as not prose (figure captions). */
  excluded: Exclusion[];
  title: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource;
}

// linkedom's DOM types are loose; these are the few members we touch.
interface Node_ {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node_>;
}

const BLOCK = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL".split(
    " ",
  ),
);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "BUTTON"]);

/**
 * Main-article text of an HTML page. Mozilla Readability (on linkedom, ~10x faster than jsdom) finds the article;
 * we then lay its blocks out as paragraphs separated by blank lines, so sentences never run across blocks.
 */
export function extractHtml(source: string, fallbackTitle: string | null = null): HtmlExtract {
  // A fragment ("<p>…</p>", as JSON records carry) gets a body, which linkedom does not invent.
  const html = /<(html|body)[\s>]/i.test(source)
    ? source
    : `<!doctype html><html><body>${source}</body></html>`;
  const { document } = parseHTML(html);
  const meta = readMetadata(document as unknown as Document);
  // Readability mutates the DOM it reads, so it gets its own parse.
  const article = new Readability(parseHTML(html).document as unknown as Document, {
    charThreshold: 200,
  }).parse();
  const root = article?.content
    ? (parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document
        .body as unknown as Node_)
    : ((document as unknown as { body: Node_ | null }).body ?? null);
  const layout = root ? layoutBlocks(root) : { paragraphs: [], captions: new Set<number>() };

  const title = meta.title ?? clean(article?.title ?? "") ?? fallbackTitle;
  const paragraphs = layout.paragraphs;
  const captionIdx = layout.captions;
  // The headline belongs in the text (headlines carry claims too), once.
  const withTitle = title && !sameText(paragraphs[0] ?? "", title);
  const parts = withTitle ? [title, ...paragraphs] : paragraphs;
  const excluded: Exclusion[] = [];
  let text = "";
  parts.forEach((p, i) => {
    if (i > 0) text += "\n\n";
    const start = text.length;
    text += p;
    if (captionIdx.has(withTitle ? i - 1 : i)) excluded.push({ start, end: text.length, reason: "caption" });
  });
  return {
    text,
    excluded,
    title: title ?? null,
    byline: meta.byline ?? clean(article?.byline ?? "") ?? null,
    outlet: meta.outlet ?? clean(article?.siteName ?? "") ?? null,
    url: meta.url,
    language: meta.language ?? (article?.lang || null),
    publishedAt: meta.publishedAt,
    publishedAtSource: meta.publishedAtSource,
  };
}

function layoutBlocks(root: Node_): { paragraphs: string[]; captions: Set<number> } {
  const paragraphs: string[] = [];
  const captions = new Set<number>();
  let current = "";
  let inCaption = 0;
  let currentIsCaption = false;
  const flush = () => {
    const p = current.replace(/\s+/g, " ").trim();
    if (p) {
      if (currentIsCaption) captions.add(paragraphs.length);
      paragraphs.push(p);
    }
    current = "";
    currentIsCaption = false;
  };
  const walk = (node: Node_) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      if (inCaption && (node.textContent ?? "").trim()) currentIsCaption = true;
      return;
    }
    if (node.nodeType !== 1 || SKIP.has(node.nodeName)) return;
    const block = BLOCK.has(node.nodeName);
    const caption = node.nodeName === "FIGCAPTION";
    if (block) flush();
    if (caption) inCaption++;
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (caption) inCaption--;
    if (block) flush();
  };
  walk(root);
  flush();
  return { paragraphs, captions };
}

interface PageMeta {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource;
}

function readMetadata(doc: Document): PageMeta {
  const metaContent = (...selectors: string[]): string | null => {
    for (const s of selectors) {
      const v = clean(doc.querySelector(s)?.getAttribute("content") ?? "");
      if (v) return v;
    }
    return null;
  };
  const ld = readJsonLd(doc);
  const ldAuthor = ld?.author;
  const authorName = (a: unknown): string | null =>
    typeof a === "string"
      ? a
      : a && typeof a === "object" && "name" in a
        ? String((a as { name: unknown }).name)
        : null;
  const ldAuthors = (Array.isArray(ldAuthor) ? ldAuthor : ldAuthor ? [ldAuthor] : [])
    .map(authorName)
    .filter(Boolean);

  let publishedAt: string | null = null;
  let publishedAtSource: PublishedAtSource = "none";
  const metaDate = metaContent(
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="dc.date"]',
  );
  if (metaDate && isoDate(metaDate)) {
    publishedAt = isoDate(metaDate);
    publishedAtSource = "meta";
  } else if (typeof ld?.datePublished === "string" && isoDate(ld.datePublished)) {
    publishedAt = isoDate(ld.datePublished);
    publishedAtSource = "json-ld";
  } else {
    const time = doc.querySelector("time[datetime]")?.getAttribute("datetime");
    if (time && isoDate(time)) {
      publishedAt = isoDate(time);
      publishedAtSource = "time-element";
    }
  }
  const publisher = ld?.publisher as { name?: unknown } | undefined;
  return {
    title:
      metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]') ??
      (typeof ld?.headline === "string" ? clean(ld.headline) : null) ??
      clean(doc.querySelector("title")?.textContent ?? ""),
    byline:
      metaContent('meta[name="author"]', 'meta[property="article:author"]') ?? (ldAuthors.join(", ") || null),
    outlet:
      metaContent('meta[property="og:site_name"]', 'meta[name="application-name"]') ??
      (typeof publisher?.name === "string" ? publisher.name : null),
    url:
      clean(doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "") ??
      metaContent('meta[property="og:url"]'),
    language: clean(doc.documentElement?.getAttribute("lang") ?? ""),
    publishedAt,
    publishedAtSource,
  };
}

/** The first schema.org article object in the page's JSON-LD blocks, if any. Broken JSON-LD is ignored. */
function readJsonLd(doc: Document): Record<string, unknown> | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const obj = item as Record<string, unknown>;
        const type = String(obj["@type"] ?? "");
        if (/Article|Posting|Report/.test(type)) return obj;
        if (obj["@graph"]) queue.push(obj["@graph"]);
      }
    }
  }
  return null;
}

function clean(s: string): string | null {
  const v = s.replace(/\s+/g, " ").trim();
  return v || null;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\W+/g, "");
  return norm(a) === norm(b);
}
