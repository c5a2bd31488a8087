// The article body with every mention and quote marked at the API's offsets.
import { entityHref, h } from "./common.js";

// The API's offsets count Unicode code points (characters); JavaScript strings count UTF-16
// units, one more for every character past U+FFFF (emoji, mathematical letters) before it.
export function unitsAt(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const units = [];
  let unit = 0;
  for (const character of text) {
    units.push(unit);
    unit += character.length;
  }
  units.push(unit);
  return (offset) => units[Math.min(offset, units.length - 1)];
}

const CLOSING = /^[”"’»]*/;

function spansOf(body, entities, quotes) {
  const at = unitsAt(body);
  const mentions = entities.flatMap((entity) =>
    entity.mentions.map((m) => ({ start: at(m.start), end: at(m.end), entity })),
  );
  const quoted = quotes.map((quote) => {
    const end = at(quote.end);
    // The speaker is named after the closing quotation mark, not inside it.
    const closing = CLOSING.exec(body.slice(end))?.[0].length ?? 0;
    return { start: at(quote.start), end, tagAt: end + closing, quote };
  });
  return { mentions, quoted };
}

// Paragraphs are separated by blank lines; each is [start, end) in the body.
function paragraphs(body) {
  const found = [];
  const blank = /\n\s*\n/g;
  let start = 0;
  for (const gap of body.matchAll(blank)) {
    found.push([start, gap.index]);
    start = gap.index + gap[0].length;
  }
  found.push([start, body.length]);
  return found.filter(([a, b]) => body.slice(a, b).trim());
}

// Cut [start, end) wherever a mark begins or ends; each piece knows its quote and the
// mentions covering it, outermost first.
function pieces(start, end, mentions, quoted) {
  const cuts = new Set([start, end]);
  for (const span of [...mentions, ...quoted]) {
    for (const point of [span.start, span.end, span.tagAt]) {
      if (point > start && point < end) cuts.add(point);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(0, -1).map((a, i) => {
    const b = points[i + 1];
    const covers = (span) => span.start <= a && span.end >= b;
    const chain = mentions.filter(covers).sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
    return { start: a, end: b, quote: quoted.find(covers), chain };
  });
}

// A mention is a link to its entity. One that holds another ("the Bank of England" holds
// "England") cannot be a link around a link, so it is a focusable span that names its
// entity the same way; the side list links to it.
function mentionElement(span) {
  const entity = span.entity;
  const label = `${entity.name} · ${entity.type}`;
  const attrs = {
    class: `mention ${entity.type}`,
    "data-entity": entity.slug,
    "data-type": entity.type,
    "data-tip": label,
    "aria-description": label,
  };
  if (span.holds) return h("span", { ...attrs, tabindex: "0" });
  return h("a", { ...attrs, href: entityHref(entity.slug) });
}

function quoteElement(span, first) {
  const quote = span.quote;
  return h("span", {
    class: "quote",
    id: first ? `quote-${quote.id}` : null,
    "data-quote": quote.id,
    "data-speaker": quote.speaker?.slug,
  });
}

function speakerTag(quote) {
  const name = quote.speaker ? quote.speaker.name : quote.speaker_text || "unnamed source";
  const attrs = { class: "speaker-tag", "data-speaker-of": quote.id };
  if (quote.speaker) return h("a", { ...attrs, href: entityHref(quote.speaker.slug) }, name);
  return h("span", { ...attrs, class: "speaker-tag unnamed" }, name);
}

function paragraph(body, [start, end], spans, opened, subheads) {
  // A paragraph that is one of the article's section headings is shown as one.
  const p = h(subheads.has(body.slice(start, end).trim()) ? "h2" : "p");
  let quoteBox = null;
  let open = []; // the mention elements the next text goes into, outermost first
  const inside = (span) => span.start < end && span.end > start;
  const mentions = spans.mentions.filter(inside);
  const cut = pieces(start, end, mentions, spans.quoted.filter(inside));
  // Whatever holds another mark anywhere (nested or crossing) is a span, never a link.
  for (const piece of cut) for (const outer of piece.chain.slice(0, -1)) outer.holds = true;
  for (const piece of cut) {
    if ((piece.quote ?? null) !== (quoteBox?.span ?? null)) {
      quoteBox = null;
      open = [];
      if (piece.quote) {
        quoteBox = { span: piece.quote, element: quoteElement(piece.quote, !opened.has(piece.quote)) };
        opened.add(piece.quote);
        p.append(quoteBox.element);
      }
    }
    let depth = 0;
    while (depth < open.length && open[depth].span === piece.chain[depth]) depth += 1;
    open = open.slice(0, depth);
    for (const span of piece.chain.slice(depth)) {
      const element = mentionElement(span);
      (open.at(-1)?.element ?? quoteBox?.element ?? p).append(element);
      open.push({ span, element });
    }
    (open.at(-1)?.element ?? quoteBox?.element ?? p).append(body.slice(piece.start, piece.end));
    for (const span of spans.quoted) {
      if (span.tagAt === piece.end && opened.has(span)) {
        p.append(" ", speakerTag(span.quote));
        quoteBox = null;
        open = [];
      }
    }
  }
  return p;
}

export function markedBody(body, entities, quotes, sections = []) {
  const spans = spansOf(body, entities, quotes);
  const opened = new Set();
  const subheads = new Set(sections);
  return paragraphs(body).map((range) => paragraph(body, range, spans, opened, subheads));
}
