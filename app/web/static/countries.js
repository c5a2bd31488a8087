// Every country in the archive, most covered first.
import { $, counted, countryHref, h, pagedList } from "./common.js";

pagedList({
  path: "/countries",
  list: $("[data-countries]"),
  more: $("[data-more]"),
  render: (c) => h("li", {}, h("a", { href: countryHref(c.code) }, c.name), h("span", { class: "count" }, ` ${counted(c.article_count, "article")}`)),
  limit: 50,
  none: "No country yet.",
});
