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

// Cut [start, end) wherever a mark begins or ends; each piece knows its quote and its
// innermost mention (the shortest one covering it).
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
    const mention = mentions.filter(covers).sort((x, y) => x.end - x.start - (y.end - y.start))[0];
    return { start: a, end: b, quote: quoted.find(covers), mention };
  });
}

function mentionElement(entity) {
  const label = `${entity.name} · ${entity.type}`;
  return h("a", {
    class: `mention ${entity.type}`,
    href: entityHref(entity.slug),
    "data-entity": entity.slug,
    "data-type": entity.type,
    "data-tip": label,
    "aria-description": label,
  });
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
  let mentionBox = null;
  for (const piece of pieces(start, end, spans.mentions, spans.quoted)) {
    if ((piece.quote ?? null) !== (quoteBox?.span ?? null)) {
      quoteBox = null;
      mentionBox = null;
      if (piece.quote) {
        quoteBox = { span: piece.quote, element: quoteElement(piece.quote, !opened.has(piece.quote)) };
        opened.add(piece.quote);
        p.append(quoteBox.element);
      }
    }
    const parent = quoteBox ? quoteBox.element : p;
    const text = body.slice(piece.start, piece.end);
    if (!piece.mention) {
      mentionBox = null;
      parent.append(text);
    } else {
      if (mentionBox?.span !== piece.mention) {
        mentionBox = { span: piece.mention, element: mentionElement(piece.mention.entity) };
        parent.append(mentionBox.element);
      }
      mentionBox.element.append(text);
    }
    for (const span of spans.quoted) {
      if (span.tagAt === piece.end && opened.has(span)) {
        p.append(" ", speakerTag(span.quote));
        mentionBox = null;
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
