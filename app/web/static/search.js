// The search page. The URL is the state: the form submits to it, facets and pages are
// links to it, so every view can be bookmarked, shared and reached with Back.
import { $, api, articleItem, counted, empty, entityChip, h, problem, query, status } from "./common.js";

const FACETS = [
  ["persons", "person", "People"],
  ["countries", "country", "Countries"],
  ["organizations", "organization", "Organizations"],
];
const FILTERS = ["person", "country", "organization", "section"];
const DATES = ["published_after", "published_before"];
const PAGE_SIZE = 10;

const url = new URL(location.href);
const state = {
  q: url.searchParams.get("q")?.trim() ?? "",
  cursor: url.searchParams.get("cursor"),
  person: url.searchParams.getAll("person"),
  country: url.searchParams.getAll("country"),
  organization: url.searchParams.getAll("organization"),
  section: url.searchParams.get("section") ?? "",
  published_after: url.searchParams.get("published_after") ?? "",
  published_before: url.searchParams.get("published_before") ?? "",
};

// A link to this page with the state changed; any change but paging starts at page one.
function linkTo(changes) {
  const next = { ...state, cursor: null, ...changes };
  return `/?${query(next)}`;
}

// Submitted by script, the URL keeps only the fields that say something (no "&q=&…").
function submitted(event) {
  event.preventDefault();
  const fields = new FormData(event.currentTarget);
  const changes = Object.fromEntries(["q", ...DATES].map((name) => [name, fields.get(name).trim()]));
  location.assign(linkTo(changes));
}

function fillForm() {
  const form = $("[data-search-form]");
  form.addEventListener("submit", submitted);
  form.elements.q.value = state.q;
  for (const name of DATES) form.elements[name].value = state[name];
  // Facet filters ride along as hidden fields, so a new query keeps them.
  const hidden = FILTERS.flatMap((name) =>
    [state[name]].flat().filter(Boolean).map((value) => h("input", { type: "hidden", name, value })),
  );
  $("[data-hidden-filters]").replaceChildren(...hidden);
}

// Each active filter as a chip that removes it, named as the facets name it when they do.
function activeFilters(names = new Map()) {
  const chips = FILTERS.flatMap((name) =>
    [state[name]].flat().filter(Boolean).map((value) => {
      const remaining = [state[name]].flat().filter((v) => v !== value);
      const shown = names.get(value) ?? value;
      return h("li", {}, h("a", { class: "chip active", href: linkTo({ [name]: remaining }), "aria-label": `Remove filter ${name}: ${shown}` }, `${name}: ${shown} ✕`));
    }),
  );
  $("[data-active-filters]").replaceChildren(chips.length ? h("ul", { class: "chips", "aria-label": "Active filters" }, chips) : "");
}

function facetList(title, name, counts) {
  const items = counts.map((facet) => {
    const value = facet.slug ?? facet.name;
    const chosen = [state[name]].flat().filter(Boolean);
    const on = chosen.includes(value);
    // A facet's link adds its filter, or takes it away when it is already on.
    const values = on ? chosen.filter((v) => v !== value) : name === "section" ? value : [...chosen, value];
    return h(
      "li",
      {},
      h("a", { class: "facet", href: linkTo({ [name]: values }), "aria-current": on ? "true" : null },
        facet.name, h("span", { class: "count" }, String(facet.count))),
    );
  });
  return h("section", { class: "facet-group" }, h("h3", {}, title), h("ul", {}, items.length ? items : empty("None")));
}

function showFacets(facets) {
  const groups = FACETS.map(([key, name, title]) => facetList(title, name, facets[key]));
  if (facets.sections?.length) groups.push(facetList("Sections", "section", facets.sections));
  $("[data-facet-lists]").replaceChildren(...groups);
  $("[data-facets]").hidden = false;
}

function showPager(nextCursor) {
  const links = [];
  if (state.cursor) links.push(h("a", { href: linkTo({}), rel: "first" }, "First page"));
  if (nextCursor) links.push(h("a", { href: linkTo({ cursor: nextCursor }), rel: "next" }, "Next page"));
  $("[data-pager]").replaceChildren(...links);
}

// The form's dates are days (YYYY-MM-DD), which the API reads as midnight UTC.
const filters = () => ({ ...state, limit: PAGE_SIZE });

async function run() {
  fillForm();
  activeFilters();
  const results = $("[data-results]");
  const heading = $("[data-results-heading]");
  results.setAttribute("aria-busy", "true");
  try {
    const found = state.q ? await api("/search", filters()) : await api("/articles", filters());
    const articles = found.articles ?? found.items;
    const many = found.total_is_estimate ? `about ${found.total.toLocaleString("en-GB")}` : found.total;
    heading.textContent = state.q ? `${counted(many, "article")} match${many === 1 ? "es" : ""} “${state.q}”` : `Newest articles (${counted(many, "article")} in all)`;
    document.title = state.q ? `${state.q} — Broadsheet` : "Broadsheet";
    results.replaceChildren(...(articles.length ? articles.map(articleItem) : [empty("No article matches. Try fewer words or remove a filter.")]));
    if (found.entities?.length) {
      $("[data-matching-entities]").replaceChildren(h("ul", { class: "chips", "aria-label": "Matching entities" }, found.entities.map((e) => entityChip(e))));
    }
    if (found.facets) {
      showFacets(found.facets);
      const every = [...found.facets.persons, ...found.facets.countries, ...found.facets.organizations];
      activeFilters(new Map(every.map((facet) => [facet.slug, facet.name])));
    }
    showPager(found.next_cursor);
    status(heading.textContent);
  } catch (error) {
    heading.textContent = "Search failed";
    problem(results, error);
  } finally {
    results.removeAttribute("aria-busy");
  }
}

run();
