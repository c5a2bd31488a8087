// One article: its body with every mention and quote marked where the API's offsets say,
// and a side list of its entities and quotes.
import { $, api, countryHref, dateOf, entityHref, h, problem, speakerOf, status } from "./common.js";
import { markedBody } from "./marks.js";

const TYPES = [
  ["person", "People"],
  ["country", "Countries"],
  ["place", "Places"],
  ["organization", "Organizations"],
  ["other", "Other"],
];

function meta(article) {
  const source = article.source_url
    ? h("a", { href: article.source_url, rel: "external noopener noreferrer" }, article.source_name || "Source")
    : article.source_name;
  return [
    dateOf(article.published_at) ?? "Undated",
    article.byline ? [" · ", h("span", { class: "byline" }, article.byline)] : null,
    source ? [" · ", source] : null,
    article.section ? [" · ", h("a", { href: `/?section=${encodeURIComponent(article.section)}` }, article.section)] : null,
  ];
}

// Pointing at an entity in the side list lights its mentions in the body.
function lights(slug) {
  const toggle = (on) => () => {
    for (const mark of document.querySelectorAll(`.mention[data-entity="${CSS.escape(slug)}"]`)) {
      mark.classList.toggle("lit", on);
    }
  };
  return { onmouseenter: toggle(true), onmouseleave: toggle(false), onfocus: toggle(true), onblur: toggle(false) };
}

function entityGroups(entities) {
  return TYPES.map(([type, title]) => {
    const ofType = entities.filter((e) => e.type === type);
    if (!ofType.length) return null;
    return h(
      "section",
      { class: "entity-group" },
      h("h3", {}, h("span", { class: `swatch mention ${type}` }, title)),
      h(
        "ul",
        {},
        ofType.map((e) =>
          h(
            "li",
            {},
            h("a", { href: entityHref(e.slug), "data-entity": e.slug, ...lights(e.slug) }, e.name),
            h("span", { class: "count", title: "mentions" }, ` ×${e.mention_count}`),
            e.type === "country" && e.country_code ? [" ", h("a", { class: "aside-link", href: countryHref(e.country_code) }, "country page")] : null,
          ),
        ),
      ),
    );
  });
}

function quoteList(quotes) {
  if (!quotes.length) return [h("li", { class: "empty" }, "No quotes found in this article.")];
  return quotes.map((q) =>
    h(
      "li",
      { class: "quote-item", "data-quote-item": q.id },
      h("blockquote", {}, q.text),
      h("p", { class: "attribution" }, "— ", speakerOf(q), " · ", h("a", { href: `#quote-${q.id}` }, "in the text")),
    ),
  );
}

// No title found in the article: its opening words stand in, as in the search results.
function untitled(body) {
  const opening = body.trim().split(/\n/)[0];
  return opening.length > 90 ? `${opening.slice(0, 80).trimEnd()}…` : opening;
}

async function run() {
  const ref = $("main").dataset.ref;
  const container = $("[data-article]");
  try {
    const article = await api(`/articles/${encodeURIComponent(ref)}`);
    const title = article.title || untitled(article.body);
    $("[data-title]").textContent = title;
    document.title = `${title} — Broadsheet`;
    $("[data-meta]").replaceChildren(...meta(article).flat(2).filter((x) => x !== null));
    $("[data-sections]").replaceChildren(...article.sections.map((s) => h("li", {}, s)));
    $("[data-body]").replaceChildren(...markedBody(article.body, article.entities, article.quotes, article.sections));
    $("[data-legend]").hidden = false;
    $("[data-entities]").replaceChildren(...entityGroups(article.entities).filter(Boolean));
    $("[data-quotes]").replaceChildren(...quoteList(article.quotes));
    $("[data-side]").hidden = false;
    status(`${title}: ${article.entities.length} entities, ${article.quotes.length} quotes`);
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  } catch (error) {
    $("[data-title]").textContent = "This article could not be shown";
    problem($("[data-body]"), error);
  } finally {
    container.removeAttribute("aria-busy");
  }
}

run();
