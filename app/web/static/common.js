// Shared by every page: the API client, safe element building (text nodes only, never
// HTML strings), links between pages, and the shapes several pages list.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

// Repeated filters (person=a&person=b) are arrays; empty values are left out.
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of [value].flat()) {
      if (one !== undefined && one !== null && one !== "") search.append(name, one);
    }
  }
  return search;
}

export async function api(path, params = {}) {
  const search = query(params).toString();
  let response;
  try {
    // The browser revalidates with If-None-Match and the API's weak ETag answers 304.
    response = await fetch(search ? `${path}?${search}` : path, {
      headers: { Accept: "application/json" },
    });
  } catch {
    throw new ApiError(0, "The archive could not be reached", "check the connection and retry");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    // Problems are RFC 9457 problem+json: title and detail say what went wrong.
    throw new ApiError(response.status, body?.title ?? `Error ${response.status}`, body?.detail);
  }
  return body;
}

export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") element.className = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) element.append(child);
  }
  return element;
}

export const $ = (selector, root = document) => root.querySelector(selector);

export const articleHref = (id, hash = "") => `/web/articles/${id}${hash}`;
export const entityHref = (slug) => `/web/entities/${encodeURIComponent(slug)}`;
export const countryHref = (code) => `/web/countries/${encodeURIComponent(code)}`;

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function dateOf(iso) {
  return iso ? h("time", { datetime: iso }, DATE.format(new Date(iso))) : null;
}

// "1 article", "2 articles", "about 10,500 articles" (an estimate comes as text).
export function counted(n, noun) {
  return `${typeof n === "number" ? n.toLocaleString("en-GB") : n} ${noun}${n === 1 ? "" : "s"}`;
}

export function status(message) {
  $("[data-status]").textContent = message;
}

export function problem(container, error) {
  const title = error instanceof ApiError ? error.title : "Something went wrong";
  const detail = error instanceof ApiError ? error.detail : String(error);
  container.replaceChildren(
    h("div", { class: "problem", role: "alert" }, h("strong", {}, title), detail ? ` — ${detail}` : ""),
  );
  status(title);
}

export function empty(text) {
  return h("li", { class: "empty" }, text);
}

export function entityChip(entity, count) {
  return h(
    "li",
    {},
    h(
      "a",
      { class: `chip ${entity.type}`, href: entityHref(entity.slug), title: entity.type },
      entity.name,
      count ? h("span", { class: "count" }, ` ${count}`) : null,
    ),
  );
}

// The search API wraps each match in <mark>…</mark> and leaves the rest as plain text:
// alternate pieces become text nodes and <mark> elements, so article text is never HTML.
export function highlighted(fragment) {
  return fragment.split(/<\/?mark>/).map((piece, i) => (i % 2 ? h("mark", {}, piece) : piece));
}

export function titleOf(article) {
  return article.title || (article.lede ? `${article.lede.slice(0, 80)}…` : "Untitled article");
}

export function articleItem(article) {
  const snippet = article.highlight ? highlighted(article.highlight) : article.lede;
  return h(
    "li",
    { class: "article-item" },
    h("h3", {}, h("a", { href: articleHref(article.id) }, titleOf(article))),
    h(
      "p",
      { class: "meta" },
      dateOf(article.published_at) ?? "undated",
      article.section ? ` · ${article.section}` : "",
      article.source_name ? ` · ${article.source_name}` : "",
    ),
    h("p", { class: "snippet" }, snippet),
    article.top_entities?.length
      ? h("ul", { class: "chips", "aria-label": "Top entities" }, article.top_entities.map((e) => entityChip(e)))
      : null,
  );
}

export function speakerOf(quote) {
  if (quote.speaker) {
    return h("a", { class: "speaker", href: entityHref(quote.speaker.slug) }, quote.speaker.name);
  }
  return h("span", { class: "speaker unnamed" }, quote.speaker_text || "unnamed source");
}

export function quoteItem(quote, { speaker = true } = {}) {
  const article = quote.article;
  return h(
    "li",
    { class: "quote-item" },
    h("blockquote", {}, quote.text),
    h(
      "p",
      { class: "attribution" },
      speaker ? ["— ", speakerOf(quote)] : null,
      article
        ? [
            speaker ? ", in " : "In ",
            h("a", { href: articleHref(article.id, `#quote-${quote.id}`) }, article.title || "an untitled article"),
            article.published_at ? [", ", dateOf(article.published_at)] : null,
          ]
        : null,
    ),
  );
}

// A list read page by page through the API's cursors; "Show more" appends the next page
// and moves focus to its first link, so keyboard users land on what was added.
export async function pagedList({ path, params = {}, list, more, render, limit = 10, none }) {
  let cursor = null;
  async function load() {
    const page = await api(path, { ...params, limit, cursor });
    if (cursor === null && page.items.length === 0) list.replaceChildren(empty(none));
    const items = page.items.map(render);
    list.append(...items);
    cursor = page.next_cursor;
    more.replaceChildren(cursor ? h("button", { type: "button", class: "more", onclick: next }, "Show more") : "");
    return items;
  }
  async function next(event) {
    event.currentTarget.disabled = true;
    try {
      const items = await load();
      items[0]?.querySelector("a")?.focus();
    } catch (error) {
      problem(more, error);
    }
  }
  try {
    await load();
  } catch (error) {
    problem(more, error);
  }
}
