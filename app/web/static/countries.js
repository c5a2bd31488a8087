// Every country in the archive, most covered first.
import { $, countryHref, h, pagedList } from "./common.js";

pagedList({
  path: "/countries",
  list: $("[data-countries]"),
  more: $("[data-more]"),
  render: (c) => h("li", {}, h("a", { href: countryHref(c.code) }, c.name), h("span", { class: "count" }, ` ${c.article_count} article(s)`)),
  limit: 50,
  none: "No country yet.",
});
