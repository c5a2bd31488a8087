// A country: its coverage over time, the people and organizations most present in the
// articles that mention it, its places, quotes and articles.
import { $, api, articleItem, counted, dateOf, entityChip, h, pagedList, problem, quoteItem, status } from "./common.js";
import { chart, fact, profile } from "./profile.js";

const code = $("main").dataset.code.toUpperCase();

// Co-occurring entities ranked by shared articles, split by type.
async function mostPresent(slug) {
  const people = $("[data-people]");
  const organizations = $("[data-organizations]");
  try {
    const page = await api(`/entities/${encodeURIComponent(slug)}/related`, { limit: 100 });
    for (const [list, type] of [[people, "person"], [organizations, "organization"]]) {
      const found = page.items.filter((e) => e.type === type).slice(0, 12);
      list.replaceChildren(...(found.length ? found.map((e) => entityChip(e, e.shared_articles)) : [h("li", { class: "empty" }, "None yet.")]));
    }
  } catch (error) {
    problem(people, error);
  }
}

async function run() {
  const country = await profile(`/countries/${encodeURIComponent(code)}`, "country");
  if (!country) return;
  $("[data-name]").textContent = country.name;
  document.title = `${country.name} — Broadsheet`;
  $("[data-facts]").replaceChildren(
    ...fact("Code", country.code),
    ...(country.aliases.length ? fact("Also called", country.aliases.join(", ")) : []),
    ...fact("Coverage", `${counted(country.counts.articles, "article")}, ${counted(country.counts.quotes_about, "quote")} about it`),
    ...fact("Entity", h("a", { href: `/web/entities/${encodeURIComponent(country.slug)}` }, country.name)),
    ...(country.first_seen ? fact("Seen", dateOf(country.first_seen), " to ", dateOf(country.last_seen)) : []),
  );
  $("[data-places]").replaceChildren(...(country.places.length ? country.places.map((p) => entityChip(p, p.article_count)) : [h("li", { class: "empty" }, "None yet.")]));
  status(country.name);
  await Promise.all([
    chart(country.slug),
    mostPresent(country.slug),
    pagedList({ path: "/quotes", params: { country: code }, list: $("[data-quotes]"), more: $("[data-quotes-more]"), render: (q) => quoteItem(q), limit: 5, none: "No quotes." }),
    pagedList({ path: "/articles", params: { country: code }, list: $("[data-articles]"), more: $("[data-articles-more]"), render: articleItem, limit: 10, none: "No articles." }),
  ]);
}

run();
