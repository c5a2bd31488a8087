// The quotes browser: words, speaker and country filters held in the URL; pages by cursor.
import { $, api, counted, empty, h, problem, query, quoteItem, status } from "./common.js";

const url = new URL(location.href);
const state = Object.fromEntries(["q", "speaker", "country", "cursor"].map((n) => [n, url.searchParams.get(n)?.trim() ?? ""]));
const linkTo = (changes) => `/web/quotes?${query({ ...state, cursor: null, ...changes })}`;

async function run() {
  const form = $("form");
  for (const name of ["q", "speaker", "country"]) form.elements[name].value = state[name];
  const list = $("[data-quotes]");
  list.setAttribute("aria-busy", "true");
  try {
    const page = await api("/quotes", { ...state, limit: 20 });
    const many = page.total_is_estimate ? `about ${page.total.toLocaleString("en-GB")}` : page.total;
    $("[data-count]").textContent = counted(many, "quote");
    list.replaceChildren(...(page.items.length ? page.items.map((q) => quoteItem(q)) : [empty("No quote matches.")]));
    const links = [];
    if (state.cursor) links.push(h("a", { href: linkTo({}), rel: "first" }, "First page"));
    if (page.next_cursor) links.push(h("a", { href: linkTo({ cursor: page.next_cursor }), rel: "next" }, "Next page"));
    $("[data-pager]").replaceChildren(...links);
    status(counted(many, "quote"));
  } catch (error) {
    $("[data-count]").textContent = "";
    problem(list, error);
  } finally {
    list.removeAttribute("aria-busy");
  }
}

run();
