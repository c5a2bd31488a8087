"""Writes one synthetic article at a time: picks its cast, then lays out paragraphs."""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.extraction import Extraction
from app.text import slugify
from tests.bench.generate import (
    ENTITY_PARTS,
    OUTLETS,
    SECTIONS,
    SPAN_SECONDS,
    START,
    TITLES,
    ArticleBuilder,
    _split,
    _words,
    filler_sentences,
)
from tests.bench.pools import Named, Pools

SLOT_KIND = {"P": "person", "C": "country", "C2": "country", "O": "organization", "L": "place"}
QUOTE_FORMS = [  # (before, after, kind, cue): the quote text goes between
    ("\u201c", ",\u201d said {S}.", "direct", "said"),
    ("{S} told reporters: \u201c", "\u201d", "direct", "told"),
    ("{S} described it as \u201c", "\u201d.", "partial", "described"),
    ("{S} said that ", ".", "indirect", "said"),
]


@dataclass
class Cast:
    people: list[Named]
    countries: list[Named]
    organizations: list[Named]
    places: list[Named]

    def pick(self, slot: str, rng: random.Random) -> tuple[str, Named]:
        """The entity type and entity for a template slot."""
        if slot == "C2":  # the other country, or a city when the article has only one
            if len(self.countries) > 1:
                return "country", self.countries[1]
            return "place", self.places[0]
        group = {"P": self.people, "C": self.countries, "O": self.organizations}.get(slot)
        group = group if group is not None else self.places
        return SLOT_KIND[slot], group[int(rng.random() * len(group))]


def _distinct(draw: "callable[[], Named]", k: int) -> list[Named]:  # type: ignore[valid-type]
    seen: dict[str, Named] = {}
    for _ in range(k * 4):
        item = draw()
        seen.setdefault(item.name, item)
        if len(seen) == k:
            break
    return list(seen.values())


class Newsroom:
    def __init__(self, seed: int, n_articles: int, bbc: Path | None = None) -> None:
        self.seed = seed
        self.pools = Pools.build(seed, n_articles)
        self.filler = filler_sentences(random.Random(seed + 1), 20_000, bbc)
        self.filler_words = [len(s.split()) for s in self.filler]
        # Slot fillings drawn once: per-sentence draws cost more than the rest of an article.
        word_rng = random.Random(seed + 2)
        self.word_sets = [_words(word_rng) for _ in range(5000)]

    def _word_set(self, rng: random.Random) -> dict[str, str]:
        return self.word_sets[int(rng.random() * len(self.word_sets))]

    def articles(self, start: int, count: int) -> Iterator[Extraction]:
        for i in range(start, start + count):
            yield self.article(i)

    def article(self, i: int) -> Extraction:
        rng = random.Random(self.seed * 1_000_003 + i)
        cast = self._cast(rng)
        builder = ArticleBuilder()
        seen: set[str] = set()
        self._write_body(rng, builder, cast, seen)
        published = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
        title = self._title(rng, cast)
        section = rng.choice(SECTIONS)
        outlet = rng.choice(OUTLETS)
        return Extraction.model_validate(
            {
                "title": title,
                "published_at": published,
                "byline": f"By {rng.choice(self.pools.reporters)}",
                "source_name": outlet,
                "source_url": f"https://{slugify(outlet)}.example/{section}/{i}/{slugify(title)}",
                "sections": [section],
                "body": builder.body,
                "entities": self._entities(builder, cast),
                "quotes": builder.quotes,
            }
        )

    def _cast(self, rng: random.Random) -> Cast:
        p = self.pools
        return Cast(
            people=_distinct(lambda: p.people.draw(rng), rng.randint(2, 6)),
            countries=_distinct(lambda: p.countries.draw(rng), rng.randint(1, 3)),
            organizations=_distinct(lambda: p.organizations.draw(rng), rng.randint(1, 3)),
            places=_distinct(lambda: p.places.draw(rng), rng.randint(1, 2)),
        )

    def _title(self, rng: random.Random, cast: Cast) -> str:
        parts = _split(rng.choice(TITLES))
        words = self._word_set(rng)
        out = []
        for n, part in enumerate(parts):
            if n % 2 == 0:
                out.append(part)
            elif part in SLOT_KIND:
                out.append(cast.pick(part, rng)[1].alias or cast.pick(part, rng)[1].name)
            else:
                out.append(words[part].capitalize() if n == 1 else words[part])
        return "".join(out)

    def _write_body(
        self, rng: random.Random, b: ArticleBuilder, cast: Cast, seen: set[str]
    ) -> None:
        target = rng.randint(600, 1000)
        quotes = rng.randint(2, 6)
        rare = [self.pools.rare.draw(rng).name for _ in range(rng.randint(1, 2))]
        words = 0
        for paragraph in range(60):  # bounded: a paragraph adds at least ~20 words
            if words >= target:
                break
            if paragraph:
                b.text("\n\n")
            if paragraph < 3 or rng.random() < 0.4:
                words += self._entity_sentence(rng, b, cast, seen)
            if paragraph < quotes:
                words += self._quote_sentence(rng, b, cast, seen)
            for _ in range(rng.randint(1, 3)):
                k = int(rng.random() * len(self.filler))
                b.text(" " + self.filler[k])
                words += self.filler_words[k]
            if paragraph < len(rare):
                b.text(f" Locals call it {rare[paragraph]}.")
                words += 4
        self._cover_everyone(b, cast, seen)

    def _surface(self, item: Named, seen: set[str]) -> str:
        # Full name on first mention, surname afterwards, as in print.
        if item.name in seen and item.alias:
            return item.alias
        seen.add(item.name)
        return item.name

    def _entity_sentence(
        self, rng: random.Random, b: ArticleBuilder, cast: Cast, seen: set[str]
    ) -> int:
        parts = rng.choice(ENTITY_PARTS)
        words = self._word_set(rng)
        lead = " " if b.length and not b.parts[-1].endswith("\n") else ""
        b.text(lead)
        for n, part in enumerate(parts):
            if n % 2 == 0:
                b.text(part)
            elif part in SLOT_KIND:
                kind, item = cast.pick(part, rng)
                b.mention(kind, item, self._surface(item, seen))
            else:
                b.text(words[part])
        return 10

    def _quote_sentence(
        self, rng: random.Random, b: ArticleBuilder, cast: Cast, seen: set[str]
    ) -> int:
        before, after, kind, cue = rng.choice(QUOTE_FORMS)
        speaker = rng.choice(cast.people)
        surface = self._surface(speaker, seen)
        text = self.filler[rng.randrange(len(self.filler))].rstrip(".")
        if kind != "direct":
            text = text[0].lower() + text[1:]
        b.text(" ")
        self._speaker_text(b, before, speaker, surface)
        b.quote(text, speaker, surface, kind, cue)
        self._speaker_text(b, after, speaker, surface)
        return len(text.split()) + 4

    @staticmethod
    def _speaker_text(b: ArticleBuilder, piece: str, speaker: Named, surface: str) -> None:
        head, slot, tail = piece.partition("{S}")
        b.text(head)
        if slot:
            b.mention("person", speaker, surface)
            b.text(tail)

    def _cover_everyone(self, b: ArticleBuilder, cast: Cast, seen: set[str]) -> None:
        """A closing line naming anyone the random sentences left out."""
        groups = ((cast.people, "person"), (cast.countries, "country"))
        groups += ((cast.organizations, "organization"), (cast.places, "place"))
        missing = [
            (item, kind)
            for group, kind in groups
            for item in group
            if (kind, item.name) not in b.mentions
        ]
        for n, (item, kind) in enumerate(missing[:20]):
            b.text(" Also mentioned: " if n == 0 else ", ")
            b.mention(kind, item, self._surface(item, seen))
        if missing:
            b.text(".")

    def _entities(self, b: ArticleBuilder, cast: Cast) -> list[dict[str, Any]]:
        groups = (cast.people, cast.countries, cast.organizations, cast.places)
        by_name = {item.name: item for group in groups for item in group}
        return [
            {
                "name": name,
                "type": kind,
                "country_code": by_name[name].code,
                "aliases": [by_name[name].alias] if by_name[name].alias else [],
                "mentions": mentions,
            }
            for (kind, name), mentions in b.mentions.items()
        ]
