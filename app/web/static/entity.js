// An entity: who or what it is, its coverage over time, what it said and what was said
// about it, what appears alongside it, and its articles page by page.
import { $, api, articleItem, counted, countryHref, dateOf, entityChip, h, pagedList, problem, quoteItem, status } from "./common.js";
import { chart, fact, profile } from "./profile.js";

const slug = $("main").dataset.slug;
const base = `/entities/${encodeURIComponent(slug)}`;

function facts(entity) {
  const countryLink = entity.country_code
    ? h("a", { href: countryHref(entity.country_code) }, entity.type === "country" ? `country page (${entity.country_code})` : entity.country_code)
    : null;
  return [
    fact("Type", h("span", { class: `swatch mention ${entity.type}` }, entity.type)),
    entity.description ? fact("Role", entity.description) : null,
    entity.aliases.length ? fact("Also called", entity.aliases.join(", ")) : null,
    countryLink ? fact("Country", countryLink) : null,
    fact("Coverage", `${counted(entity.counts.articles, "article")}, ${counted(entity.counts.mentions, "mention")}`),
    entity.first_seen ? fact("Seen", dateOf(entity.first_seen), " to ", dateOf(entity.last_seen)) : null,
  ].filter(Boolean).flat();
}

async function related() {
  const list = $("[data-related]");
  try {
    const page = await api(`${base}/related`, { limit: 20 });
    list.replaceChildren(...(page.items.length ? page.items.map((e) => entityChip(e, e.shared_articles)) : [h("li", { class: "empty" }, "Nothing yet.")]));
  } catch (error) {
    problem(list, error);
  }
}

async function run() {
  const entity = await profile(base, "entity");
  if (!entity) return;
  $("[data-name]").textContent = entity.name;
  document.title = `${entity.name} — Broadsheet`;
  $("[data-facts]").replaceChildren(...facts(entity));
  status(`${entity.name}, ${entity.type}`);
  await Promise.all([
    chart(slug),
    related(),
    pagedList({ path: `${base}/quotes`, params: { role: "speaker" }, list: $("[data-said]"), more: $("[data-said-more]"), render: (q) => quoteItem(q, { speaker: false }), limit: 5, none: "No quote attributed to it." }),
    pagedList({ path: `${base}/quotes`, params: { role: "about" }, list: $("[data-about]"), more: $("[data-about-more]"), render: (q) => quoteItem(q), limit: 5, none: "No quote mentions it." }),
    pagedList({ path: `${base}/articles`, list: $("[data-articles]"), more: $("[data-articles-more]"), render: articleItem, limit: 10, none: "No articles." }),
  ]);
}

run();
