// Articles per month as a bar chart: an SVG built here from GET /entities/{slug}/timeline.
// A few dozen bars need no charting library; the figure also carries the numbers as a
// table for screen readers and keyboard users.
import { api, counted, h } from "./common.js";

// The SVG namespace as the HTML parser assigns it: the page names no outside URL at all.
const SVG = (() => {
  const probe = document.createElement("div");
  probe.innerHTML = "<svg></svg>";
  return probe.firstChild.namespaceURI;
})();
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const HEIGHT = 180;
const BAR = 22;
const GAP = 6;
const LEFT = 30;
const BOTTOM = 22;

function svg(tag, attrs = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

// Every bucket the API has, page after page (a bucket a month: a few pages at most).
async function buckets(slug) {
  const found = [];
  let cursor = null;
  do {
    const page = await api(`/entities/${encodeURIComponent(slug)}/timeline`, {
      interval: "month",
      limit: 100,
      cursor,
    });
    found.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return found;
}

// Months without articles are absent from the API's answer; the axis shows them as zero.
function everyMonth(found) {
  const counts = new Map(found.map((b) => [b.period.slice(0, 7), b.articles]));
  const months = [];
  const first = new Date(`${found[0].period.slice(0, 7)}-01T00:00:00Z`);
  const last = found.at(-1).period.slice(0, 7);
  for (let day = first; ; day.setUTCMonth(day.getUTCMonth() + 1)) {
    const key = day.toISOString().slice(0, 7);
    months.push({ key, label: MONTH.format(day), articles: counts.get(key) ?? 0 });
    if (key >= last) return months;
  }
}

function bars(months) {
  const peak = Math.max(...months.map((m) => m.articles), 1);
  const width = LEFT + months.length * (BAR + GAP) + GAP;
  const plot = HEIGHT - BOTTOM;
  const chart = svg("svg", {
    class: "timeline",
    viewBox: `0 0 ${Math.max(width, 320)} ${HEIGHT}`,
    // Drawn at its own size (narrower screens scale it down), never stretched.
    width: Math.max(width, 320),
    height: HEIGHT,
    role: "img",
    "aria-label": `Articles per month from ${months[0].label} to ${months.at(-1).label}; at most ${peak} in a month`,
  });
  chart.append(
    svg("line", { class: "axis", x1: LEFT, y1: plot, x2: width, y2: plot }),
    svg("text", { class: "tick", x: LEFT - 4, y: 12, "text-anchor": "end" }, String(peak)),
    svg("text", { class: "tick", x: LEFT - 4, y: plot, "text-anchor": "end" }, "0"),
  );
  months.forEach((month, i) => {
    const x = LEFT + GAP + i * (BAR + GAP);
    const tall = Math.round((month.articles / peak) * (plot - 8));
    const bar = svg("rect", { class: "bar", x, y: plot - tall, width: BAR, height: tall });
    bar.append(svg("title", {}, `${month.label}: ${counted(month.articles, "article")}`));
    chart.append(bar);
    if (i === 0 || i === months.length - 1 || month.key.endsWith("-01")) {
      chart.append(svg("text", { class: "tick", x: x + BAR / 2, y: HEIGHT - 6, "text-anchor": "middle" }, month.label));
    }
  });
  return chart;
}

function table(months) {
  return h(
    "details",
    {},
    h("summary", {}, "The numbers"),
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Month"), h("th", { scope: "col" }, "Articles"))),
      h("tbody", {}, months.filter((m) => m.articles).map((m) => h("tr", {}, h("td", {}, m.label), h("td", {}, String(m.articles))))),
    ),
  );
}

export async function drawTimeline(figure, slug) {
  const found = await buckets(slug);
  if (!found.length) {
    figure.replaceChildren(h("p", { class: "empty" }, "No dated articles yet."));
    return;
  }
  const months = everyMonth(found);
  figure.replaceChildren(bars(months), table(months));
}
