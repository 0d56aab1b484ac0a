/**
 * DOM building without HTML strings. Article text is untrusted: it only ever reaches the page as a text node
 * (`textContent`) or an attribute value set with `setAttribute`, never through `innerHTML`.
 */

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Attrs {
  [name: string]: string | number | boolean | null | undefined | ((event: Event) => void);
}

/** Creates `<tag>` with attributes (`on…` functions become listeners) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.slice(2).toLowerCase(), value);
    // An inline handler from a string would be script built from data: refuse it outright.
    else if (/^on/i.test(name)) throw new Error(`event attribute ${name} must be a function`);
    else if (name === "class") el.className = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything in `parent` with `children`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A hash link inside the app; `path` segments are encoded here, so ids and queries cannot break out. */
export function link(route: string, ...children: Child[]): HTMLAnchorElement {
  return h("a", { href: route }, ...children);
}

/** `#/path/seg?query` with each segment and query value URI-encoded. */
export function route(
  segments: string[],
  query: Record<string, string | number | null | undefined> = {},
): string {
  const path = segments.map(encodeURIComponent).join("/");
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v != null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `#/${path}${qs ? `?${qs}` : ""}`;
}

export function errorBox(message: string): HTMLElement {
  return h("p", { class: "error", role: "alert" }, message);
}

export function shorten(s: string, n: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? flat.slice(0, n - 1) + "…" : flat;
}
