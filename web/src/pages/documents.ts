import { api } from "../api.js";
import { h, replace, route } from "../dom.js";
import type { RouteContext } from "../router.js";
import { documentLine, field, pager } from "../widgets.js";

/** Every stored document, newest first, filtered by outlet and date. */
export async function documentsPage({ query, main, signal }: RouteContext): Promise<void> {
  document.title = "Documents — claimtrace";
  const filters = {
    outlet: query.get("outlet") ?? "",
    from: query.get("from") ?? "",
    to: query.get("to") ?? "",
  };
  const offset = Number(query.get("offset") ?? 0) || 0;
  const page = await api.documents({ ...filters, offset, limit: 50 }, signal);
  if (signal.aborted) return;

  const outlet = h("input", { type: "text", name: "outlet", value: filters.outlet });
  const from = h("input", { type: "date", name: "from", value: filters.from });
  const to = h("input", { type: "date", name: "to", value: filters.to });
  const form = h(
    "form",
    { class: "filters", role: "search" },
    field("Outlet", outlet),
    field("From", from),
    field("To", to),
    h("button", { type: "submit" }, "Filter"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = route(["documents"], { outlet: outlet.value.trim(), from: from.value, to: to.value });
  });
  replace(
    main,
    h("h1", { tabindex: "-1" }, "Documents"),
    form,
    h("ul", { class: "results" }, page.items.map(documentLine)),
    pager(page, (o) => route(["documents"], { ...filters, offset: o })),
  );
}
