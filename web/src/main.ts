import { documentsPage } from "./pages/documents.js";
import { entitiesPage } from "./pages/entities.js";
import { groupsPage } from "./pages/groups.js";
import { ingestPage } from "./pages/ingest.js";
import { readerPage } from "./pages/reader.js";
import { searchPage } from "./pages/search.js";
import { startRouter } from "./router.js";

const main = document.getElementById("main")!;

// The skip link moves focus without touching the hash, which belongs to the router.
document.getElementById("skip-link")?.addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});

startRouter(
  {
    groups: groupsPage,
    documents: (ctx) => (ctx.params[0] ? readerPage(ctx) : documentsPage(ctx)),
    entities: entitiesPage,
    search: searchPage,
    ingest: ingestPage,
  },
  "groups",
  main,
  (page) => {
    for (const a of document.querySelectorAll<HTMLAnchorElement>("[data-nav]")) {
      if (a.dataset.nav === page) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
  },
);
